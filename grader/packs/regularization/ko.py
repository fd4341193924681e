"""Korean check names and feedback of the regularization assignment (see grader/i18n/ko.py for the
conventions). Entries of hidden checks sit in ``# BEGIN HIDDEN`` regions, stripped from the student bundle.
"""

from __future__ import annotations

CHECK_NAMES = {
    # Regularizers
    "penalty value matches Keras": "페널티 값이 Keras와 일치",
    "penalty is a 0-d tensor": "페널티가 0차원 텐서",
    # Shared by the layers
    "identity at inference (training=False)": "추론 모드(training=False)에서는 입력을 그대로 출력",
    "identity when `training` is omitted": "`training`을 생략하면 입력을 그대로 출력",
    # GaussianNoise
    "training adds noise with mean 0 and std `stddev`": "학습 모드에서 평균 0, 표준편차 `stddev`인 노이즈를 더함",
    # Dropout
    "dropped fraction matches `rate`": "드롭 비율이 `rate`와 일치",
    "kept units are scaled by 1/(1-rate)": "남은 유닛을 1/(1-rate)배로 스케일링",
    # BatchNormalization
    "training output matches Keras on every configuration": "모든 설정에서 학습 모드 출력이 Keras와 일치",
    "inference uses the moving statistics and updates nothing": "추론 모드는 이동 통계를 쓰고 아무것도 갱신하지 않음",
    # LayerNormalization
    "gamma and beta have the shape of the normalized axes": "gamma와 beta의 shape가 정규화 축과 일치",
    "output matches Keras on every configuration": "모든 설정에서 출력이 Keras와 일치",
    # BEGIN HIDDEN
    # Regularizers
    "penalty value on every shape, dtype and argument form": "모든 shape, dtype, 인자 형태에서 페널티 값",
    "penalty gradient matches Keras (finite at 0)": "페널티의 그래디언트가 Keras와 일치 (0에서도 유한)",
    "as kernel_regularizer: one loss of the right value; fit, save and load":
        "kernel_regularizer로 사용: 올바른 값의 loss 하나, 학습·저장·불러오기",
    "the same results inside tf.function": "tf.function 안에서도 같은 결과",
    # GaussianNoise
    "the noise does not depend on x": "노이즈가 x와 무관",
    "the noise is independent from element to element": "원소마다 독립인 노이즈",
    "the noise is Gaussian": "가우시안 노이즈",
    "new noise on every call (eager and tf.function)": "호출할 때마다 새 노이즈 (eager와 tf.function)",
    "gradient w.r.t. the input is 1": "입력에 대한 그래디언트가 1",
    "noise N(0, stddev²) on every shape, dtype, stddev and input": "모든 shape, dtype, stddev, 입력에서 노이즈가 N(0, stddev²)를 따름",
    "gradient w.r.t. the input is 1 on every configuration": "모든 설정에서 입력에 대한 그래디언트가 1",
    # Dropout
    "gradient equals mask times 1/(1-rate)": "그래디언트 = 마스크 × 1/(1-rate)",
    "rate 0 keeps everything, rate 1 drops everything": "rate 0이면 모두 남기고 rate 1이면 모두 드롭",
    "a new mask on every call (eager and tf.function)": "호출할 때마다 새 마스크 (eager와 tf.function)",
    "noise_shape broadcasts the mask": "noise_shape에 맞춰 마스크를 broadcast",
    "a fixed seed reproduces on fresh layers": "seed를 고정하면 새 레이어에서도 같은 결과",
    "kept values and dropped fraction on every shape, dtype, rate and noise_shape":
        "모든 shape, dtype, rate, noise_shape에서 남은 값과 드롭 비율",
    "the mask follows noise_shape and differs between samples": "마스크가 noise_shape를 따르고 샘플마다 다름",
    "gradient equals the mask over (1 - rate) on every configuration": "모든 설정에서 그래디언트 = 마스크 / (1 - rate)",
    # BatchNormalization
    "moving statistics after 1 and 3 training steps": "학습 스텝 1번, 3번 뒤의 이동 통계",
    "training=None (omitted) means inference": "training=None(생략)이면 추론 모드",
    "gamma and beta are trainable, the moving statistics are not": "gamma와 beta만 학습 대상이고 이동 통계는 학습 대상이 아님",
    "model.fit updates the moving statistics, evaluate does not": "model.fit은 이동 통계를 갱신하고 evaluate는 갱신하지 않음",
    "a frozen layer (trainable=False) runs in inference mode": "고정된 레이어(trainable=False)는 추론 모드로 동작",
    # LayerNormalization
    "each sample is normalized on its own": "샘플마다 따로 정규화",
    "the same in training and inference": "학습 모드와 추론 모드에서 동일",
    # BatchNormalization and LayerNormalization
    "gradient w.r.t. the input matches Keras": "입력에 대한 그래디언트가 Keras와 일치",
    "gradients w.r.t. gamma and beta match Keras": "gamma와 beta에 대한 그래디언트가 Keras와 일치",
    "a new layer starts with gamma = 1 and beta = 0": "새 레이어는 gamma = 1, beta = 0에서 시작",
    "center=False / scale=False leave out beta / gamma": "center=False / scale=False이면 beta / gamma를 쓰지 않음",
    # END HIDDEN
}

MESSAGES = {
    # --- checks/regularizers.py
    "It equals half the penalty: Keras's L2 has no 1/2 factor (l2 * sum(x**2)).":
        "정답 페널티의 절반입니다: Keras의 L2에는 1/2 계수가 없습니다(l2 * sum(x**2)).",
    "It equals the penalty divided by the number of weights: use the sum, not the mean.":
        "페널티를 가중치 개수로 나눈 값과 같습니다: 평균이 아니라 합을 쓰세요.",
    "It matches l2 * sqrt(sum(x**2)), the norm: the L2 penalty uses the squared norm.":
        "노름을 쓴 l2 * sqrt(sum(x**2)) 값과 같습니다: L2 페널티는 노름의 제곱을 씁니다.",
    "It matches l1 * sum(x) without the absolute value: take |x| before summing.":
        "절댓값 없이 계산한 l1 * sum(x) 값과 같습니다: 더하기 전에 |x|를 취하세요.",
    "It is the penalty for every element separately: sum over all elements to one number.":
        "원소마다 따로 계산한 페널티입니다: 모든 원소를 더해 숫자 하나로 만드세요.",
    "Only the L1 term is there: L1L2 adds l1 * sum(|x|) and l2 * sum(x**2).":
        "L1 항만 있습니다: L1L2는 l1 * sum(|x|) 항과 l2 * sum(x**2) 항을 모두 더합니다.",
    "Only the L2 term is there: L1L2 adds l1 * sum(|x|) and l2 * sum(x**2).":
        "L2 항만 있습니다: L1L2는 l1 * sum(|x|) 항과 l2 * sum(x**2) 항을 모두 더합니다.",
    "The L1 term is squared-summed like L2: check which coefficient goes with which sum.":
        "L1 항을 L2처럼 제곱해서 더했습니다: 어느 계수가 어느 합과 짝인지 확인하세요.",
    "The penalty is 0 for non-zero weights and coefficients: nothing is computed yet, so none of its checks count.":
        "가중치와 계수가 0이 아닌데도 페널티가 0입니다: 아직 아무것도 계산하지 않으므로 이 문제의 검사는 하나도 점수로 인정되지 않습니다.",
    "{call} on a {rows:num}x{columns:num} matrix with zeros and negatives":
        "0과 음수가 섞인 {rows}x{columns} 행렬에 대한 {call} 값",
    "{what:text}: expected a single number {want:num}, got shape {shape:shape} whose elements add up to it: sum "
    "over all elements to one number.":
        "{what}: 숫자 하나({want})가 나와야 하는데 shape {shape}인 결과가 나왔고, 그 원소의 합이 정답과 같습니다: 모든 원소를 더해 숫자 하나로 만드세요.",
    "{failure:text} Check the defaults: Keras's {exercise}() uses {defaults}.":
        "{failure} 기본값을 확인하세요: Keras의 {exercise}() 기본값은 {defaults}입니다.",
    "{call} returned shape {shape:shape}; expected a 0-d tensor (shape ()).":
        "{call}의 반환값 shape가 {shape}입니다. 0차원 텐서(shape ())여야 합니다.",
    "{call} returned a {kind}; expected a tensor: compute with keras.ops (or tf) so gradients can flow, not numpy "
    "or float().":
        "{call}의 반환값이 텐서가 아니라 {kind}입니다: 그래디언트가 흐를 수 있도록 numpy나 float() 대신 keras.ops(또는 tf)로 계산하세요.",
    # --- checks/noise.py
    "{how:text}, GaussianNoise must return the input unchanged, but it changed it by up to {change:num}: noise is "
    "only added when training is True.":
        "{how}는 GaussianNoise가 입력을 그대로 돌려줘야 하는데, 입력이 최대 {change}만큼 바뀌었습니다: 노이즈는 training이 True일 때만 더합니다.",
    "{what:text}: the output contains NaN or infinite values.": "{what}: 출력에 NaN 또는 무한대 값이 있습니다.",
    "{what:text}: the noise has standard deviation {std:num}; expected stddev={stddev:num} (± {bound:num}).":
        "{what}: 노이즈의 표준편차가 {std}입니다. 기대값은 stddev={stddev}입니다(± {bound}).",
    "That is stddev**2 = {square:num}: `stddev` is already the standard deviation, not the variance.":
        "이 값은 stddev**2 = {square}입니다: `stddev`는 분산이 아니라 이미 표준편차입니다.",
    "That is sqrt(stddev): `stddev` is already the standard deviation.": "이 값은 sqrt(stddev)입니다: `stddev`는 이미 표준편차입니다.",
    "One value is shared by every element: draw noise with the shape of the input.":
        "모든 원소가 같은 값 하나를 씁니다: 입력과 같은 shape로 노이즈를 뽑으세요.",
    "{what:text}: the noise has mean {mean:num}; expected 0 (± {bound:num}).":
        "{what}: 노이즈의 평균이 {mean}입니다. 기대값은 0입니다(± {bound}).",
    "GaussianNoise(stddev={stddev:num}) in training": "학습 모드의 GaussianNoise(stddev={stddev})",
    # --- checks/dropout.py
    "{how:text}, Dropout must return the input unchanged, but {count:num} of {size:num} units were set to 0: "
    "dropout is only active when training is True.":
        "{how}는 Dropout이 입력을 그대로 돌려줘야 하는데, 유닛 {size}개 중 {count}개가 0이 되었습니다: dropout은 training이 True일 때만 동작합니다.",
    "{how:text}, Dropout must return the input unchanged, but it returned the input times {ratio:num}: with "
    "inverted dropout the only scaling is in training (kept units divided by 1 - rate); at inference the input passes "
    "through as it is.":
        "{how}는 Dropout이 입력을 그대로 돌려줘야 하는데, 입력에 {ratio}를 곱해 돌려주었습니다: inverted dropout에서는 "
        "학습할 때만 크기를 바꾸고(남은 유닛을 1 - rate로 나눔), 추론할 때는 입력을 그대로 통과시킵니다.",
    "the input is scaled at inference: with inverted dropout, inference returns the input unchanged.":
        "추론할 때 입력의 크기를 바꿉니다: inverted dropout에서는 추론할 때 입력을 그대로 돌려줍니다.",
    "{how:text}, the output (expected the input unchanged)": "{how}의 출력(입력이 그대로 나와야 함)",
    "Dropout(rate={rate:num}) in training: expected shape {want:shape}, got {got:shape}.":
        "학습 모드에서 Dropout(rate={rate})의 출력 shape가 {got}입니다. 기대한 shape는 {want}입니다.",
    "Dropout(rate={rate:num}) in training set {fraction:num} of the units to 0; expected {rate2:num} (within "
    "±{bound:num} for {count:num} units).":
        "학습 모드에서 Dropout(rate={rate})이 0으로 만든 유닛의 비율이 {fraction}입니다. 기대값은 {rate2}입니다(유닛 {count}개 기준 허용 범위 "
        "±{bound}).",
    "That is 1 - rate: `rate` is the probability to DROP a unit, not to keep it.":
        "이 값은 1 - rate입니다: `rate`는 유닛을 남길 확률이 아니라 버릴(DROP) 확률입니다.",
    "Nothing was dropped: is dropout applied when training=True?":
        "드롭된 유닛이 하나도 없습니다: training=True일 때 dropout을 적용하고 있나요?",
    "Dropout(rate={rate:num}) kept no unit in training (shape {shape:shape}), so the scaling cannot be seen.":
        "학습 모드에서 Dropout(rate={rate})이 유닛을 하나도 남기지 않아서(shape {shape}) 스케일링을 확인할 수 없습니다.",
    "Kept units are multiplied by {factor:num} instead of 1/(1-rate) = {scale:num}":
        "남은 유닛에 {factor}배가 곱해졌습니다(1/(1-rate) = {scale}배여야 합니다)",
    "did you forget inverted-dropout scaling?": "inverted dropout의 스케일링을 빠뜨리지 않았나요?",
    "you multiplied by (1-rate); divide by it instead.": "(1-rate)를 곱했습니다. 곱하지 말고 (1-rate)로 나누세요.",
    "you divided by rate; divide by (1-rate), the keep probability.": "rate로 나눴습니다. 유닛을 남길 확률인 (1-rate)로 나누세요.",
    "you multiplied by rate; divide by (1-rate), the keep probability.": "rate를 곱했습니다. 유닛을 남길 확률인 (1-rate)로 나누세요.",
    "(ratios range from {low:num} to {high:num}, worst {worst:num}).": "(비율 범위 {low} ~ {high}, 가장 벗어난 값 {worst}).",
    # --- checks/batchnorm.py
    "It matches the UNBIASED variance (dividing by N-1 = {n:num}): batch normalization uses the biased variance, "
    "dividing by N.":
        "N-1(= {n})로 나눈 불편(UNBIASED) 분산을 쓴 결과와 같습니다: 배치 정규화는 N으로 나누는 편향(biased) 분산을 씁니다.",
    "It matches (x - mean) / (sqrt(var) + epsilon): epsilon goes inside the square root, sqrt(var + epsilon).":
        "(x - mean) / (sqrt(var) + epsilon)의 결과와 같습니다: epsilon은 제곱근 안에 넣어 sqrt(var + epsilon)으로 계산하세요.",
    "It matches normalization without epsilon: use sqrt(var + self.epsilon).":
        "epsilon 없이 정규화한 결과와 같습니다: sqrt(var + self.epsilon)을 쓰세요.",
    "It matches epsilon = 1e-5 (PyTorch's default): Keras's default is epsilon=1e-3, used as self.epsilon.":
        "epsilon = 1e-5(PyTorch의 기본값)로 계산한 결과와 같습니다: Keras의 기본값은 epsilon=1e-3이고, 계산에는 self.epsilon을 써야 합니다.",
    "gamma is not applied: multiply the normalized value by gamma.": "gamma가 적용되지 않았습니다: 정규화한 값에 gamma를 곱하세요.",
    "beta is not added: add beta after scaling by gamma.": "beta가 더해지지 않았습니다: gamma를 곱한 뒤 beta를 더하세요.",
    "The statistics are taken over the feature axis (per sample, like LayerNormalization): batch normalization "
    "averages over every axis EXCEPT `axis`.":
        "통계를 (LayerNormalization처럼 샘플마다) 특성 축에서 구했습니다: 배치 정규화는 `axis`만 빼고(EXCEPT) 나머지 모든 축에 대해 평균을 냅니다.",
    "The statistics are taken over the batch axis only: average over every axis except `axis`.":
        "통계를 배치 축에서만 구했습니다: `axis`만 빼고 나머지 모든 축에 대해 평균을 내세요.",
    "It is normalized with the BATCH statistics: at inference use moving_mean and moving_variance.":
        "배치(BATCH) 통계로 정규화했습니다: 추론할 때는 moving_mean과 moving_variance를 쓰세요.",
    # --- checks/layernorm.py
    "With scale=True and center=False the output has no gamma: scale=True must still multiply by gamma; "
    "center=False only leaves out beta. Each flag controls its own weight.":
        "scale=True, center=False일 때 출력에 gamma가 없습니다: scale=True이면 gamma를 곱해야 하고, center=False는 beta만 "
        "빼는 것입니다. 플래그마다 자기 가중치만 정합니다.",
    "With center=True and scale=False the output has no beta: center=True must still add beta; scale=False only "
    "leaves out gamma. Each flag controls its own weight.":
        "center=True, scale=False일 때 출력에 beta가 없습니다: center=True이면 beta를 더해야 하고, scale=False는 gamma만 "
        "빼는 것입니다. 플래그마다 자기 가중치만 정합니다.",
    "It matches the variance over the batch axis at each position, then averaged over the other axes: that misses "
    "how the per-position means spread. Take the variance over every axis but `axis` at once.":
        "위치마다 배치 축으로 구한 분산을 나머지 축에 대해 평균한 결과와 같습니다: 이렇게 하면 위치별 평균이 퍼진 정도가 "
        "빠집니다. 분산은 `axis`를 뺀 모든 축에 대해 한 번에 구하세요.",
    "It matches a variance taken as the mean of x² with no mean subtracted (as RMS normalization does), while the "
    "mean is still subtracted from x: the variance is the mean of (x - mean)².":
        "분산을 평균을 빼지 않은 x²의 평균으로 계산한 결과와 같습니다(RMS 정규화처럼). 그런데 x에서는 평균을 빼고 있습니다: "
        "분산은 (x - 평균)²의 평균입니다.",
    "It matches gamma applied when center is True and beta added when scale is True: the two flags are swapped. "
    "scale controls gamma (the multiplier) and center controls beta (the offset).":
        "center가 True일 때 gamma를 곱하고 scale이 True일 때 beta를 더한 결과와 같습니다: 두 플래그가 뒤바뀌었습니다. "
        "scale은 gamma(곱하는 값)를, center는 beta(더하는 값)를 정합니다.",
    "With center={center:ident} and scale={scale:ident}, the layer made {made:ident} instead of {expected:ident}: the "
    "two flags are swapped. scale controls gamma (the multiplier) and center controls beta (the offset).":
        "center={center}, scale={scale}일 때 레이어가 {expected} 대신 {made}를 만들었습니다: 두 플래그가 뒤바뀌었습니다. "
        "scale은 gamma(곱하는 값)를, center는 beta(더하는 값)를 정합니다.",
    "It matches statistics taken over the BATCH axis (batch normalization): layer normalization averages each "
    "sample over `axis`.":
        "배치(BATCH) 축에서 구한 통계(배치 정규화)와 같습니다: 레이어 정규화는 샘플마다 `axis`에 대해 평균을 냅니다.",
    "It matches the UNBIASED variance (dividing by N-1): use the biased variance, dividing by N.":
        "N-1로 나눈 불편(UNBIASED) 분산과 같습니다: N으로 나누는 편향(biased) 분산을 쓰세요.",
    "It matches (x - mean) / (sqrt(var) + epsilon): epsilon goes inside the square root.":
        "(x - mean) / (sqrt(var) + epsilon)의 결과와 같습니다: epsilon은 제곱근 안에 넣어야 합니다.",
    "It matches normalizing over axis {axis:num} only: `axis` is a list, normalize over all of {axes} together.":
        "axis {axis} 하나에서만 정규화한 결과와 같습니다: `axis`가 리스트이면 {axes} 전체에 대해 함께 정규화하세요.",
    "{exercise:ident}.__call__ returned None instead of the penalty: is a `return` missing?":
        "{exercise}.__call__의 반환값이 페널티가 아니라 None입니다: `return`을 빠뜨리지 않았나요?",
    # --- checks/regularizers.py
    "It is the sum without its coefficient: multiply by the penalty factor (self.l1 * sum(|x|), self.l2 * sum(x**2)).":
        "계수를 곱하지 않은 합입니다: 페널티 계수를 곱하세요(self.l1 * sum(|x|), self.l2 * sum(x**2)).",
    "It is twice the L2 penalty: Keras's L2 is l2 * sum(x**2); the factor 2 belongs to its gradient.":
        "L2 페널티의 두 배입니다: Keras의 L2는 l2 * sum(x**2)이고, 2라는 계수는 그래디언트에 붙는 것입니다.",
    "It matches {name:ident}=0.01 for the argument not passed: L1L2's defaults are l1=0.0 and l2=0.0 (0.01 is the "
    "default of the l1_l2 function).":
        "넘기지 않은 인자를 {name}=0.01로 계산한 결과와 같습니다: L1L2의 기본값은 l1=0.0, l2=0.0입니다(0.01은 l1_l2 함수의 "
        "기본값입니다).",
    # Levels of the declared spaces (grader/probes): how a configuration reads
    "shape {shape:shape} with axis={axis:axis}": "shape {shape}, axis={axis}인 입력",
    "only shape {shape:shape} with axis={axis:axis}": "shape {shape}, axis={axis}인 입력만",
    "shape {shape:shape} with axis={axis:axis} (a batch of one)": "shape {shape}, axis={axis}인 입력(배치 크기 1)",
    "default arguments": "기본 인자",
    # two constructor arguments: code, as they are (momentum=0.9, epsilon=0.01); one alone stays as it is
    "{name:ident}={value:num}, {name2:ident}={value2:num}": "{name}={value}, {name2}={value2}",
    # data: read as "{label} 데이터" (STRUCTURAL)
    "mean {mean:num}": "평균 {mean}",
    "std {std:num}": "표준편차 {std}",
    "one constant slice": "상수 슬라이스가 하나 있는",
    "weights of shape {shape:shape}": "shape {shape}인 가중치",
    "a scalar weight, shape ()": "스칼라 가중치(shape ())",
    "all negative": "모두 음수인",
    "N(0, 1) with exact zeros": "정확히 0인 값이 섞인 N(0, 1)",
    # --- checks/normalization.py and the level notes of batchnorm.py, layernorm.py, regularizers.py
    "something in the code is fixed to float32 (a cast, a constant or a weight made with dtype='float32'). A layer "
    "made with dtype='float64' computes in float64: use self.compute_dtype or the input's dtype.":
        "코드의 무언가가 float32로 고정되어 있습니다(cast, 상수, 또는 dtype='float32'로 만든 가중치). dtype='float64'로 만든 "
        "레이어는 float64로 계산합니다: self.compute_dtype이나 입력의 dtype을 쓰세요.",
    "the variance is computed as E[x²] - E[x]², which cancels catastrophically when the mean is large compared with "
    "the spread. Average the squared deviations from the mean instead.":
        "분산을 E[x²] - E[x]²로 계산하고 있습니다. 이 식은 평균이 값의 퍼짐에 비해 크면 자릿수가 크게 상쇄되어(catastrophic "
        "cancellation) 부정확해집니다. 대신 평균과의 편차를 제곱해서 평균을 내세요.",
    "epsilon is mishandled: with a small spread, where and how epsilon enters sqrt(variance + epsilon) changes the "
    "output the most.":
        "epsilon을 잘못 처리합니다: 값의 퍼짐이 작을 때는 epsilon이 sqrt(variance + epsilon)에 어디에 어떻게 들어가는지가 출력을 "
        "가장 크게 바꿉니다.",
    "a constant slice has variance 0; only epsilon inside the square root keeps the division finite.":
        "값이 일정한 슬라이스는 분산이 0입니다. 제곱근 안에 있는 epsilon만이 나눗셈 결과를 유한하게 지켜 줍니다.",
    "center=False is not followed: without it there is no beta and nothing is added.":
        "center=False를 따르지 않습니다: center=False이면 beta가 없고 아무것도 더하지 않습니다.",
    "scale=False is not followed: without it there is no gamma and nothing multiplies.":
        "scale=False를 따르지 않습니다: scale=False이면 gamma가 없고 아무것도 곱하지 않습니다.",
    "an argument given to the constructor is not used: read self.momentum and self.epsilon instead of constants.":
        "생성자에 넘긴 인자를 쓰지 않습니다: 상수 대신 self.momentum과 self.epsilon을 읽으세요.",
    "the epsilon given to the constructor is not used: read self.epsilon instead of a constant.":
        "생성자에 넘긴 epsilon을 쓰지 않습니다: 상수 대신 self.epsilon을 읽으세요.",
    "the code assumes the feature axis is the last one: reduce over every axis except self.axis (whatever its "
    "sign) and reshape gamma, beta and the statistics to broadcast along it.":
        "코드가 특성 축을 마지막 축이라고 가정하고 있습니다: (부호와 상관없이) self.axis를 뺀 모든 축에 대해 통계를 구하고, "
        "gamma, beta와 통계를 그 축을 따라 broadcast되도록 reshape하세요.",
    "a negative axis other than -1 is mishandled: turn self.axis into a positive index with axis % rank before "
    "choosing the reduction axes.":
        "-1이 아닌 음수 axis를 잘못 처리합니다: 통계를 구할 축을 고르기 전에 axis % rank로 self.axis를 양수 인덱스로 바꾸세요.",
    "the code works only when the feature axis is the last one: reduce over every axis except self.axis and "
    "reshape gamma, beta and the statistics to broadcast along it.":
        "코드가 특성 축이 마지막 축일 때만 동작합니다: self.axis를 뺀 모든 축에 대해 통계를 구하고, gamma, beta와 통계를 그 축을 "
        "따라 broadcast되도록 reshape하세요.",
    "a batch of one has variance 0 in training; dividing by N - 1 or by the standard deviation without epsilon "
    "breaks there.":
        "배치 크기가 1이면 학습 모드에서 분산이 0입니다. N - 1로 나누거나 epsilon 없이 표준편차로 나누면 여기서 계산이 "
        "깨집니다.",
    "an int axis other than the last is mishandled: normalize over self.axis itself, and shape gamma and beta to "
    "broadcast along it.":
        "마지막 축이 아닌 int axis를 잘못 처리합니다: self.axis 자체에 대해 정규화하고, gamma와 beta는 그 축을 따라 "
        "broadcast되는 shape로 만드세요.",
    "a list of axes is mishandled: normalize over all of them together.":
        "축 리스트를 잘못 처리합니다: 리스트에 있는 모든 축에 대해 함께 정규화하세요.",
    "a list of negative axes, given out of order, is mishandled: turn each into a positive index (a % rank) and "
    "sort them.":
        "순서가 뒤바뀐 음수 축 리스트를 잘못 처리합니다: 각 축을 양수 인덱스(a % rank)로 바꾸고 정렬하세요.",
    "a tuple of axes, or axes that are not next to each other or not in order, is mishandled: accept a tuple as a "
    "list, sort the positive axes, and shape gamma and beta with size 1 on every other axis.":
        "축 튜플이나, 서로 이웃하지 않거나 순서대로가 아닌 축들을 잘못 처리합니다: 튜플도 리스트처럼 받고, 양수 축을 정렬하고, "
        "gamma와 beta의 shape는 나머지 모든 축에서 크기를 1로 만드세요.",
    "the code works only when `axis` is the last axis alone: reduce over the axes `axis` names (an int or a list), "
    "with keepdims=True, and shape gamma and beta to broadcast along them.":
        "코드가 `axis`가 마지막 축 하나일 때만 동작합니다: `axis`가 가리키는 축(int 또는 리스트)에 대해 keepdims=True로 통계를 "
        "구하고, gamma와 beta는 그 축들을 따라 broadcast되는 shape로 만드세요.",
    "something is fixed to float32 (a cast, or a coefficient made a float32 tensor): let the penalty follow the "
    "weights' dtype.":
        "무언가가 float32로 고정되어 있습니다(cast, 또는 float32 텐서로 만든 계수): 페널티가 가중치의 dtype을 따르게 하세요.",
    "the sum is taken over fixed axes: sum over every element, whatever the rank.":
        "정해진 축에 대해서만 더하고 있습니다: rank와 상관없이 모든 원소를 더하세요.",
    "the code assumes at least one axis: sum over every element, whatever the rank.":
        "코드가 축이 하나 이상 있다고 가정하고 있습니다: rank와 상관없이 모든 원소를 더하세요.",
    "the absolute value is missing or misplaced: L1 sums |x|.": "절댓값이 빠졌거나 엉뚱한 곳에 있습니다: L1은 |x|를 더합니다.",
    "the gradient at 0 is not finite: use keras.ops.abs, not sqrt(x**2).":
        "0에서 그래디언트가 유한하지 않습니다: sqrt(x**2) 대신 keras.ops.abs를 쓰세요.",
    "None is not read as the default: Keras replaces a None coefficient by its default.":
        "None을 기본값으로 읽지 않습니다: Keras는 None인 계수를 기본값으로 바꿉니다.",
    "a coefficient of 0 is mishandled (a truthiness test such as `if self.{coefficient:ident}:` changes the type or "
    "skips a step).":
        "계수가 0일 때 잘못 처리합니다(`if self.{coefficient}:` 같은 참/거짓 검사 때문에 타입이 바뀌거나 단계를 건너뜁니다).",
    "coefficients of 0 are mishandled: the penalty is then a 0-d tensor equal to 0.":
        "계수가 모두 0일 때 잘못 처리합니다: 이때 페널티는 값이 0인 0차원 텐서입니다.",
    # --- checks/regularizers.py
    "It matches l2 * (sum(x))**2, the square of the sum: square each weight, then sum.":
        "합의 제곱인 l2 * (sum(x))**2 값과 같습니다: 가중치를 하나씩 제곱한 다음 더하세요.",
    "It is a vector of per-{part:ident} penalties: sum over all elements to one number.":
        "{part}마다 따로 계산한 페널티를 모은 벡터입니다: 모든 원소를 더해 숫자 하나로 만드세요.",
    "It matches l1 * |sum(x)|, the absolute value of the sum: take |x| of every weight, then sum.":
        "l1 * |sum(x)|, 곧 합의 절댓값과 같습니다: 가중치마다 |x|를 취한 다음 더하세요.",
    "It matches the sum of every entry of {gram}, which adds the products between different {part:ident}s: the "
    "squared norm is its trace, sum(x**2).":
        "{gram}의 모든 원소를 더한 값과 같습니다. 이렇게 하면 서로 다른 {part}끼리의 곱까지 더해집니다: 제곱 노름은 그 대각합"
        "(trace), 곧 sum(x**2)입니다.",
    "It matches l1 times the largest {part:ident} sum of |x|, the matrix {name:num}-norm that a norm function "
    "(keras.ops.norm(x, ord={name2:num}), numpy.linalg.norm) gives for a 2-D kernel: sum |x| over every element.":
        "l1 × |x|의 {part} 합 중 가장 큰 값과 같습니다. 2차원 커널에 norm 함수(keras.ops.norm(x, ord={name2}), "
        "numpy.linalg.norm)를 쓰면 나오는 행렬 {name}-노름입니다: 모든 원소의 |x|를 더하세요.",
    # --- checks/batchnorm.py, layernorm.py
    "The training output": "학습 모드 출력",
    "beta is still added with center=False: make and add beta only when center is True.":
        "center=False인데도 beta를 더했습니다: beta는 center가 True일 때만 만들고 더하세요.",
    "gamma is still applied with scale=False: make and apply gamma only when scale is True.":
        "scale=False인데도 gamma를 곱했습니다: gamma는 scale이 True일 때만 만들고 곱하세요.",
    "The output": "출력",
    "The output is {got:num}, expected {want:num}: a {dtype:num} layer computes in its own dtype "
    "(self.compute_dtype); something is cast or created as another dtype.":
        "출력 dtype이 {got}입니다. 기대한 dtype은 {want}입니다: {dtype} 레이어는 자신의 dtype(self.compute_dtype)으로 계산합니다. "
        "어딘가에서 다른 dtype으로 cast하거나 만들고 있습니다.",
    "It matches epsilon = {default:num} although the layer was made with epsilon={epsilon:num}: use self.epsilon, "
    "not a constant.":
        "레이어의 생성 인자는 epsilon={epsilon}인데 epsilon = {default} 값으로 계산한 결과와 같습니다: 상수 대신 self.epsilon을 "
        "쓰세요.",
    "The statistics are taken over every axis but the LAST one: batch normalization keeps `axis` apart, whichever "
    "axis that is.":
        "통계를 마지막(LAST) 축만 빼고 나머지 모든 축에서 구했습니다: 배치 정규화는 `axis`가 어느 축이든 그 축만 빼고 통계를 "
        "구합니다.",
    "{how:text}, {stat:ident} changed: update the moving statistics only in training.":
        "{how} {stat} 값이 바뀌었습니다: 이동 통계는 학습 모드에서만 갱신하세요.",
    "{how:text}, the output (compared with normalization by the layer's own moving_mean and moving_variance)":
        "{how}의 출력(레이어 자신의 moving_mean과 moving_variance로 정규화한 결과와 비교)",
    "It matches statistics over the last axis only: normalize over the axes given by `axis`.":
        "마지막 축에서만 구한 통계와 같습니다: `axis`로 주어진 축들에 대해 정규화하세요.",
    "It matches statistics over every axis of a sample (all but the batch axis): normalize over the axes given by "
    "`axis` only.":
        "샘플의 모든 축(배치 축을 뺀 전부)에서 구한 통계와 같습니다: `axis`로 주어진 축들에 대해서만 정규화하세요.",
    "{name:ident} has shape {got}; expected {want:shape}, one value per element of the normalized axes.":
        "{name}의 shape가 {got}입니다. 기대한 shape는 {want}입니다(정규화하는 축의 원소마다 값 하나).",
    # BEGIN HIDDEN
    # --- checks/regularizers.py
    "get_config() misses {missing}: expected keys {want}, got {got}.":
        "get_config()에 빠진 키가 있습니다: {missing}. 기대한 키는 {want}, 실제 키는 {got}입니다.",
    "get_config()[{key}] is {got}; expected {want} for {call}.":
        "{call}의 get_config()[{key}] 값이 {got}입니다. 기대값은 {want}입니다.",
    "from_config(get_config()) gives a different penalty: {got:num} instead of {want:num}.":
        "from_config(get_config())로 다시 만든 객체의 페널티가 다릅니다: {got}(원래 값 {want}).",
    "Dense(3, kernel_regularizer={call})": "Dense(3, kernel_regularizer={call})",
    "{layer} put {count:num} entries in model.losses; expected exactly 1.":
        "{layer}가 model.losses에 항목을 {count}개 넣었습니다. 정확히 1개여야 합니다.",
    "{layer} added a loss of shape {shape:shape} to model.losses; expected a single number (model.fit would "
    "silently sum it).":
        "{layer}가 model.losses에 shape {shape}인 loss를 넣었습니다. 숫자 하나여야 합니다(model.fit은 이런 값을 아무 경고 없이 더해 버립니다).",
    "The penalty {layer} adds to model.losses": "{layer}가 model.losses에 넣은 페널티",
    "A training step (train_on_batch, as model.fit runs it) with {layer} gave a NaN or infinite loss.":
        "{layer}로 학습 스텝(model.fit처럼 train_on_batch로 실행)을 돌렸더니 loss가 NaN 또는 무한대입니다.",
    "After saving to .keras and loading back, the kernel regularizer is a {loaded}, not your {exercise}: does "
    "get_config return its arguments?":
        ".keras로 저장했다가 다시 불러오니 kernel regularizer의 클래스가 {loaded}입니다. 여러분이 만든 {exercise} 클래스여야 합니다: get_config가 생성자 "
        "인자를 반환하나요?",
    "After loading from .keras the model has {count} regularization losses; expected 1.":
        ".keras에서 불러온 모델의 규제 loss가 {count}개입니다. 1개여야 합니다.",
    "The penalty after saving to .keras and loading back": ".keras로 저장했다가 다시 불러온 뒤의 페널티",
    # --- checks/noise.py
    "On an all-zero input the training output is all zeros: the noise is multiplied by x. Add the noise to x: x + "
    "N(0, stddev**2).":
        "입력이 모두 0이면 학습 모드 출력도 모두 0입니다: 노이즈를 x에 곱하고 있습니다. 노이즈는 x에 더하세요: x + N(0, stddev**2).",
    "On inputs {factor:num} times larger": "{factor}배 큰 입력에서",
    "On an all-zero input": "모두 0인 입력에서",
    "Expected noise of shape {want:shape}, got {got:shape}.": "노이즈의 shape가 {got}입니다. 기대한 shape는 {want}입니다.",
    "along a row": "같은 행에서",
    "down a column": "같은 열에서",
    "Neighbouring noise values {along:text} have correlation {r:num}; independent noise has 0 (± {bound:num}). "
    "Draw one value per element: the noise must have the input's full shape.":
        "{along} 이웃한 노이즈 값의 상관계수가 {r}입니다. 독립적인 노이즈라면 0입니다(± {bound}). 원소마다 값을 하나씩 뽑으세요: 노이즈의 shape는 입력의 shape와 같아야 "
        "합니다.",
    "{share:num} of the noise lies within {k:num} standard deviation(s) of its mean; Gaussian noise has "
    "{expected:num} (± {bound:num}). Draw it from a normal distribution (keras.random.normal), not a uniform one.":
        "평균에서 표준편차 {k}배 안에 든 노이즈의 비율이 {share}입니다. 가우시안 노이즈라면 {expected}입니다(± {bound}). 균등분포가 아니라 "
        "정규분포(keras.random.normal)에서 뽑으세요.",
    "The noise was drawn once, when the function was traced (numpy or Python random): draw it with keras.random "
    "and a SeedGenerator.":
        "노이즈를 함수가 trace될 때 한 번만 뽑았습니다(numpy나 Python random 사용): keras.random과 SeedGenerator로 뽑으세요.",
    "Draw new noise on every call (keras.random.normal with a SeedGenerator).":
        "호출할 때마다 노이즈를 새로 뽑으세요(SeedGenerator와 keras.random.normal 사용).",
    "Two calls {where:text} gave the same noise at {same:num} of the elements.{hint:optext}":
        "{where} 두 번 호출했더니 원소의 {same}에서 노이즈가 같았습니다.{hint}",
    "It is zero: the noise must be added to x with TensorFlow ops so the gradient passes through.":
        "0입니다: 그래디언트가 통과하도록 노이즈를 TensorFlow 연산으로 x에 더해야 합니다.",
    # --- checks/dropout.py
    "Dropout in training: expected shape {want:shape}, got {got:shape}.":
        "학습 모드에서 Dropout의 출력 shape가 {got}입니다. 기대한 shape는 {want}입니다.",
    "The gradient w.r.t. the input (with a random upstream gradient)": "입력에 대한 그래디언트(무작위 upstream 그래디언트 사용)",
    "It is the upstream gradient unchanged: the mask and the scale must apply to the gradient too.":
        "upstream 그래디언트가 그대로 나옵니다: 마스크와 스케일이 그래디언트에도 적용되어야 합니다.",
    "It is the mask without the 1/(1-rate) scale.": "1/(1-rate) 스케일 없이 마스크만 적용한 값입니다.",
    "Dropout(rate=0) in training should return the input unchanged; it did not.":
        "학습 모드에서 Dropout(rate=0)은 입력을 그대로 돌려줘야 하는데 그렇지 않습니다.",
    "Dropout(rate=1) in training should return all zeros; got {count:num} non-zero values (max {max:num}).":
        "학습 모드에서 Dropout(rate=1)은 모두 0을 돌려줘야 하는데, 0이 아닌 값이 {count}개 있습니다(최댓값 {max}).",
    "Dropout(rate=1) gives NaN or infinite gradients: 1/(1-rate) divides by zero. Handle rate == 1 without "
    "dividing by 0.":
        "Dropout(rate=1)의 그래디언트가 NaN 또는 무한대입니다: 1/(1-rate)에서 0으로 나누고 있습니다. rate == 1인 경우는 0으로 나누지 않도록 따로 처리하세요.",
    "in eager calls": "eager 모드에서",
    "inside tf.function": "tf.function 안에서",
    "Inside tf.function every call drops the same units: the mask was drawn once, when the function was traced "
    "(numpy or Python random). Draw it with keras.random and a SeedGenerator.":
        "tf.function 안에서는 호출할 때마다 같은 유닛이 드롭됩니다: 마스크를 함수가 trace될 때 한 번만 뽑았습니다(numpy나 Python random 사용). "
        "keras.random과 SeedGenerator로 뽑으세요.",
    "Two calls {where:text} dropped exactly the same units. The mask must be new on every call: use "
    "keras.random.uniform with a keras.random.SeedGenerator, not a fixed integer seed or numpy.":
        "{where} 두 번 호출했더니 똑같은 유닛이 드롭되었습니다. 마스크는 호출할 때마다 새로 뽑아야 합니다: 고정된 정수 seed나 numpy 대신 "
        "keras.random.SeedGenerator와 keras.random.uniform을 쓰세요.",
    "Two calls {where:text} dropped units that differ at only {fraction:num} of the positions; independent masks "
    "differ at about {expected:num}.":
        "{where} 두 번 호출했을 때 드롭된 위치가 전체의 {fraction}만큼만 다릅니다. 서로 독립인 마스크라면 약 {expected}만큼 달라야 합니다.",
    "Dropout(noise_shape={noise_shape:shape}): expected shape {want:shape}, got {got:shape}.":
        "Dropout(noise_shape={noise_shape})의 출력 shape가 {got}입니다. 기대한 shape는 {want}입니다.",
    "With noise_shape={noise_shape:shape} a row must be kept or dropped as a whole, but {count:num} of {rows:num} "
    "rows were partly dropped: is noise_shape ignored? Draw the mask with shape noise_shape (None filled from the "
    "input) and let it broadcast.":
        "noise_shape={noise_shape}이면 행 하나가 통째로 남거나 통째로 드롭되어야 하는데, 행 {rows}개 중 {count}개가 일부만 드롭되었습니다: noise_shape를 "
        "무시하고 있지 않나요? 마스크를 noise_shape 모양으로 뽑고(None은 입력의 크기로 채움) broadcast되게 하세요.",
    "With noise_shape={noise_shape:shape}, {fraction:num} of the rows were dropped; expected {rate:num} ± "
    "{bound:num}.":
        "noise_shape={noise_shape}일 때 드롭된 행의 비율이 {fraction}입니다. 기대값은 {rate} ± {bound}입니다.",
    "Two new Dropout(rate={rate:num}, seed={seed:num}) layers gave different masks: the seed must decide the "
    "sequence of masks. Create keras.random.SeedGenerator(seed) in __init__ and draw from it.":
        "새로 만든 Dropout(rate={rate}, seed={seed}) 레이어 두 개가 서로 다른 마스크를 만들었습니다: seed가 같으면 마스크도 같은 순서로 나와야 합니다. "
        "__init__에서 keras.random.SeedGenerator(seed)를 만들고 거기서 뽑으세요.",
    # --- checks/batchnorm.py
    "It matches a gradient that does not flow through the batch mean and variance: compute them with TensorFlow "
    "ops on the input, without tf.stop_gradient or numpy.":
        "배치 평균과 분산을 거쳐 흐르지 않는 그래디언트와 같습니다: 평균과 분산을 tf.stop_gradient나 numpy 없이 입력에 TensorFlow 연산을 적용해 계산하세요.",
    "It matches moving = moving*(1-momentum) + batch*momentum: Keras keeps momentum={momentum:num} of the OLD "
    "value (moving*momentum + batch*(1-momentum)), the reverse of PyTorch's convention.":
        "moving = moving*(1-momentum) + batch*momentum으로 계산한 결과와 같습니다: Keras는 이전(OLD) 값을 momentum={momentum}만큼 "
        "남깁니다(moving*momentum + batch*(1-momentum)). PyTorch의 관례와 반대입니다.",
    "It matches a moving variance built from the unbiased batch variance: Keras uses the biased one.":
        "불편(unbiased) 배치 분산으로 만든 이동 분산과 같습니다: Keras는 편향(biased) 분산을 씁니다.",
    "It matches a moving variance that follows the batch variance plus epsilon: epsilon belongs in the "
    "normalization only; moving_variance follows the batch variance itself.":
        "배치 분산에 epsilon을 더한 값을 따라가는 이동 분산과 같습니다: epsilon은 정규화에만 쓰이고, "
        "moving_variance는 배치 분산 자체를 따라갑니다.",
    "It never changed from its initial value: update the moving statistics with .assign(...) in training.":
        "초깃값에서 전혀 바뀌지 않았습니다: 학습 모드에서 .assign(...)으로 이동 통계를 갱신하세요.",
    "{name:ident} is {state:trainable}": "{name}: {state}",
    "trainable": "학습 대상(trainable=True)",
    "not trainable": "학습 대상 아님(trainable=False)",
    "{described:text}: gamma and beta are learned by the optimizer (trainable=True); moving_mean and "
    "moving_variance are updated by the layer itself (add_weight(..., trainable=False)).":
        "{described}. gamma와 beta는 옵티마이저가 학습하는 가중치(trainable=True)이고, moving_mean과 moving_variance는 레이어가 직접 갱신하는 "
        "가중치(add_weight(..., trainable=False))입니다.",
    "{name:ident} has shape {got:shape}; expected {want:shape} (one value per feature of `axis`).":
        "{name}의 shape가 {got}입니다. 기대한 shape는 {want}입니다(`axis`의 특성마다 값 하나).",
    "{stat:ident} did not change during a training step (train_on_batch, as model.fit runs it): update it with "
    ".assign(...) when training is True (model.fit passes training=True).":
        "학습 스텝(model.fit처럼 train_on_batch로 실행) 동안 {stat} 값이 바뀌지 않았습니다: training이 True일 때 .assign(...)으로 "
        "갱신하세요(model.fit은 training=True를 넘깁니다).",
    "{stat:ident} changed during evaluation (test_on_batch, as model.evaluate runs it): evaluation runs in "
    "inference mode and must update nothing.":
        "평가(model.evaluate처럼 test_on_batch로 실행) 중에 {stat} 값이 바뀌었습니다: 평가는 추론 모드로 실행되므로 아무것도 갱신하면 안 됩니다.",
    # --- checks/layernorm.py
    "It matches a gradient that does not flow through the mean and variance: compute them with TensorFlow ops on "
    "the input, without tf.stop_gradient or numpy.":
        "평균과 분산을 거쳐 흐르지 않는 그래디언트와 같습니다: 평균과 분산을 tf.stop_gradient나 numpy 없이 입력에 TensorFlow 연산을 적용해 계산하세요.",
    "`training` omitted": "`training` 생략",
    "The output with {how} differs from the output with training=True: layer normalization has no moving "
    "statistics and behaves the same in both modes.":
        "{how}일 때의 출력이 training=True일 때의 출력과 다릅니다: 레이어 정규화는 이동 통계가 없어서 두 모드에서 똑같이 동작합니다.",
    "The output inside tf.function, compared with eager execution,": "tf.function 안의 출력을 eager 실행과 비교한 결과",
    # --- grader/probes: what a probe could not read from the student's return values
    "{call:ident} inside tf.function": "tf.function 안에서 호출한 {call}",
    "{exercise:ident} inside model.losses": "model.losses 안의 {exercise} 페널티",
    "model.losses after loading": "불러온 뒤의 model.losses",
    "the gradient": "그래디언트",
    "gamma is made and applied when center is True and beta when scale is True: the two flags are swapped. scale "
    "controls gamma (the multiplier) and center controls beta (the offset).":
        "center가 True일 때 gamma를, scale이 True일 때 beta를 만들고 씁니다: 두 플래그가 뒤바뀌었습니다. scale은 "
        "gamma(곱하는 값)를, center는 beta(더하는 값)를 정합니다.",
    "It matches a moving variance updated with the batch STANDARD DEVIATION (the square root of the variance, with "
    "or without epsilon): moving_variance follows the batch variance itself.":
        "이동 분산을 배치 표준편차(epsilon을 더했든 안 더했든 분산의 제곱근)로 갱신한 결과와 같습니다: moving_variance는 배치 "
        "분산 자체를 따라가야 합니다.",
    "gamma and beta are still used with center=False and scale=False: use each only when its flag is True.":
        "center=False, scale=False인데도 gamma와 beta를 썼습니다: 각각 해당 플래그가 True일 때만 쓰세요.",
    "The output of {call} in training (random values put into any gamma or beta it made)":
        "{call}을(를) 학습 모드로 호출한 출력(레이어가 만든 gamma나 beta에는 무작위 값을 넣음)",
    # --- checks/noise.py
    "Two new GaussianNoise(stddev={stddev:num}, seed={seed:num}) layers gave different noise: the seed must decide "
    "the sequence of noise. Create keras.random.SeedGenerator(seed) in __init__ and draw from it.":
        "새로 만든 GaussianNoise(stddev={stddev}, seed={seed}) 레이어 두 개가 서로 다른 노이즈를 만들었습니다: seed가 "
        "노이즈의 순서를 정해야 합니다. __init__에서 keras.random.SeedGenerator(seed)를 만들고 거기서 뽑으세요.",
    # --- checks/affine.py
    "A new {exercise:ident}() has no weight `self.{name:ident}` after build(): create it with "
    "self.add_weight(..., initializer={initializer}).":
        "새로 만든 {exercise}()에는 build()를 호출한 뒤에도 `self.{name}` 가중치가 없습니다: "
        "self.add_weight(..., initializer={initializer})로 만드세요.",
    "A new {exercise:ident}() starts with {name:ident} = {value} (first element); Keras starts it at {start:num}: "
    "create it with initializer={initializer}.":
        "새로 만든 {exercise}()의 {name} 초깃값이 {value}입니다(첫 번째 원소). Keras에서는 {start}에서 시작합니다: "
        "initializer={initializer}로 만드세요.",
    # --- checks/batchnorm.py, layernorm.py
    "The gradient w.r.t. the input (random upstream gradient)": "입력에 대한 그래디언트(무작위 upstream 그래디언트 사용)",
    "The gradient w.r.t. {name:ident}": "{name}에 대한 그래디언트",
    "The output is right on these configurations but its gradient is not: part of the computation is hidden from "
    "the gradient tape (numpy, .numpy(), float(), tf.stop_gradient).":
        "이 설정들에서 출력은 맞지만 그래디언트는 틀립니다: 계산의 일부가 gradient tape에 기록되지 않습니다(numpy, .numpy(), "
        "float(), tf.stop_gradient).",
    "It matches momentum={default:num} although the layer was made with momentum={momentum:num}: use self.momentum.":
        "레이어의 생성 인자는 momentum={momentum}인데 momentum={default} 값으로 계산한 결과와 같습니다: self.momentum을 쓰세요.",
    "{stat:ident} after {steps:num} training step(s)": "학습 스텝 {steps}번 뒤의 {stat} 값",
    "a frozen layer (trainable=False) called with training=True must run in inference mode, as in Keras "
    "(fine-tuning relies on it): test `training and self.trainable`.":
        "고정된 레이어(trainable=False)는 training=True로 호출해도 Keras에서처럼 추론 모드로 동작해야 합니다(fine-tuning이 이 "
        "동작을 전제로 합니다): 조건을 `training and self.trainable`로 쓰세요.",
    "With layer.trainable = False and training=True, {stat:ident} changed: {note:text}":
        "layer.trainable = False이고 training=True일 때 {stat} 값이 바뀌었습니다: {note}",
    "With layer.trainable = False and training=True, the output (compared with normalization by the layer's own "
    "moving statistics)":
        "layer.trainable = False이고 training=True일 때의 출력(레이어 자신의 이동 통계로 정규화한 결과와 비교)",
    "It is normalized with the batch statistics: a frozen BatchNormalization (as in fine-tuning) runs in inference "
    "mode in Keras. Test `training and self.trainable`.":
        "배치 통계로 정규화했습니다: Keras에서 (fine-tuning할 때처럼) 고정된 BatchNormalization은 추론 모드로 동작합니다. 조건을 "
        "`training and self.trainable`로 쓰세요.",
    "Training output of step {step:num} inside tf.function, compared with the same step run eagerly,":
        "tf.function 안에서 실행한 {step}번째 스텝의 학습 모드 출력을 eager로 실행한 같은 스텝과 비교한 결과",
    "{stat:ident} after step {step:num} inside tf.function, compared with eager execution (a Python-side update "
    "runs only when tracing)":
        "tf.function 안에서 {step}번째 스텝 뒤의 {stat} 값을 eager 실행과 비교한 결과(Python 쪽에서 하는 갱신은 trace할 때만 "
        "실행됩니다)",
    "The last sample normalized alone, LN(x[-1:]), compared with the same sample normalized in the batch, LN(x)[-1],":
        "마지막 샘플만 따로 정규화한 출력 LN(x[-1:])을 배치 안에서 정규화한 같은 샘플의 출력 LN(x)[-1]과 비교한 결과",
    # --- probes/batchnorm.py
    "{call:ident} ({mode:text})": "{call} ({mode})",
    "eager": "eager 실행",
    # --- checks/dropout.py
    "Dropout(rate=1) in training returned NaN or infinite values: 1/(1-rate) divides by zero. At rate=1 every unit "
    "is dropped: return zeros without dividing by 1 - rate.":
        "학습 모드에서 Dropout(rate=1)이 NaN 또는 무한대 값을 돌려줬습니다: 1/(1-rate)에서 0으로 나누고 있습니다. rate=1이면 "
        "모든 유닛이 드롭됩니다: 1 - rate로 나누지 말고 0을 돌려주세요.",
    "rate=1 divides by zero (NaN) instead of dropping everything": "rate=1에서 모두 드롭하지 않고 0으로 나눔(NaN)",
    "A Dropout(rate={rate:num}, seed={seed:num}) layer gave the same mask on two calls in a row: a seed fixes the "
    "SEQUENCE of masks, each call draws a new one. Pass the layer's SeedGenerator (made once in __init__) to "
    "keras.random, not the int seed.":
        "Dropout(rate={rate}, seed={seed}) 레이어를 연달아 두 번 호출했더니 같은 마스크가 나왔습니다: seed는 마스크의 순서"
        "(SEQUENCE)를 고정할 뿐이고, 호출할 때마다 새 마스크를 뽑아야 합니다. 정수 seed 대신 (__init__에서 한 번 만든) 레이어의 "
        "SeedGenerator를 keras.random에 넘기세요.",
    "a fixed seed repeats the same mask every call": "seed를 고정해서 호출할 때마다 같은 마스크가 반복됨",
    "shape {shape:shape}": "shape {shape}인 입력",
    "one mask value per sample": "샘플마다 마스크 값 하나",
    "one mask shared by the batch": "배치 전체가 공유하는 마스크 하나",
    "something is fixed to float32 (the mask, the scale or the random draw): make them in the input's dtype.":
        "무언가가 float32로 고정되어 있습니다(마스크, 스케일, 또는 난수 생성): 입력의 dtype으로 만드세요.",
    "the code assumes inputs of rank 2: build the mask from keras.ops.shape(inputs).":
        "코드가 입력이 2차원(rank 2)이라고 가정하고 있습니다: keras.ops.shape(inputs)로 마스크를 만드세요.",
    "noise_shape is not followed: draw the mask with the shape noise_shape (None entries taken from the input) and "
    "let it broadcast.":
        "noise_shape를 따르지 않습니다: 마스크를 noise_shape 모양으로 뽑고(None인 항목은 입력의 크기로 채움) broadcast되게 하세요.",
    "rate=0 must keep every unit unchanged (no division by zero, nothing dropped).":
        "rate=0이면 모든 유닛을 그대로 남겨야 합니다(0으로 나누지 않고, 아무것도 드롭하지 않음).",
    "`rate` is mishandled away from small values: it is the probability to DROP a unit.":
        "`rate`가 작은 값이 아닐 때 잘못 처리됩니다: `rate`는 유닛을 버릴(DROP) 확률입니다.",
    "Expected an output of shape {want:shape}, got {got:shape}.": "출력 shape가 {got}입니다. 기대한 shape는 {want}입니다.",
    "The output is {got:num}, expected {want:num}: the layer computes in its own dtype; something is fixed to "
    "another one.":
        "출력 dtype이 {got}입니다. 기대한 dtype은 {want}입니다: 레이어는 자신의 dtype으로 계산합니다. 어딘가가 다른 dtype으로 "
        "고정되어 있습니다.",
    "The kept units": "남은 유닛의 값",
    "They are not scaled at all: did you forget inverted-dropout scaling, dividing the kept units by (1 - rate)?":
        "전혀 스케일링되지 않았습니다: 남은 유닛을 (1 - rate)로 나누는 inverted dropout의 스케일링을 빠뜨리지 않았나요?",
    "They are multiplied by (1 - rate) instead of divided by it: inverted dropout divides the kept units by the "
    "keep probability.":
        "(1 - rate)로 나누지 않고 곱했습니다: inverted dropout은 남은 유닛을 남길 확률로 나눕니다.",
    "They are divided by `rate`: inverted dropout divides by the keep probability (1 - rate).":
        "`rate`로 나눴습니다: inverted dropout은 남길 확률인 (1 - rate)로 나눕니다.",
    "{fraction:num} of the units were set to 0; expected {rate:num} (within ±{bound:num}).":
        "0이 된 유닛의 비율이 {fraction}입니다. 기대값은 {rate}입니다(허용 범위 ±{bound}).",
    "`rate` is the probability to DROP a unit, not to keep it.": "`rate`는 유닛을 남길 확률이 아니라 버릴(DROP) 확률입니다.",
    "With noise_shape={noise_shape:shape}, {count:num} samples had some units dropped and others kept: the mask "
    "must be drawn with shape noise_shape and broadcast, one value per sample here.":
        "noise_shape={noise_shape}인데 샘플 {count}개에서 일부 유닛만 드롭되었습니다: 마스크를 noise_shape 모양으로 뽑아 "
        "broadcast해야 하므로, 여기서는 샘플마다 값이 하나입니다.",
    "With noise_shape={noise_shape:shape}, {count:num} samples got a mask different from the first: the mask must "
    "be drawn with shape noise_shape and broadcast over the batch.":
        "noise_shape={noise_shape}인데 샘플 {count}개의 마스크가 첫 번째 샘플과 다릅니다: 마스크를 noise_shape 모양으로 뽑아 "
        "배치 전체에 broadcast해야 합니다.",
    "Every sample of the batch got the same mask: draw one mask value per unit of the whole input "
    "(keras.ops.shape(inputs)), not one row broadcast over the batch.":
        "배치의 모든 샘플이 같은 마스크를 받았습니다: 행 하나를 배치 전체에 broadcast하지 말고, 입력 전체"
        "(keras.ops.shape(inputs))의 유닛마다 마스크 값을 하나씩 뽑으세요.",
    "one mask shared by every sample of the batch": "배치의 모든 샘플이 마스크 하나를 공유함",
    "Each sample was dropped or kept as a whole: with noise_shape=None every unit gets its own mask value.":
        "샘플이 통째로 드롭되거나 통째로 남았습니다: noise_shape=None이면 유닛마다 마스크 값을 따로 뽑아야 합니다.",
    "The gradient w.r.t. the input (its own mask times the upstream gradient over (1 - rate))":
        "입력에 대한 그래디언트(기대값: 자신의 마스크 × upstream 그래디언트 / (1 - rate))",
    "It is the upstream gradient unchanged, mask or not: the gradient does not go through the mask.":
        "마스크와 상관없이 upstream 그래디언트가 그대로 나옵니다: 그래디언트가 마스크를 거치지 않습니다.",
    # --- checks/noise.py
    "A GaussianNoise(stddev={stddev:num}, seed={seed:num}) layer added the same noise on two calls in a row: a seed "
    "fixes the SEQUENCE of draws, each call draws anew. Pass the layer's SeedGenerator (made once in __init__) to "
    "keras.random, not the int seed.":
        "GaussianNoise(stddev={stddev}, seed={seed}) 레이어를 연달아 두 번 호출했더니 같은 노이즈가 더해졌습니다: seed는 난수의 "
        "순서(SEQUENCE)를 고정할 뿐이고, 호출할 때마다 새로 뽑아야 합니다. 정수 seed 대신 (__init__에서 한 번 만든) 레이어의 "
        "SeedGenerator를 keras.random에 넘기세요.",
    "a fixed seed repeats the same noise every call": "seed를 고정해서 호출할 때마다 같은 노이즈가 반복됨",
    "magnitude {scale:num}": "크기 {scale}배",
    "all zeros": "모두 0인",
    "something is fixed to float32 (the random draw or a cast): draw the noise in the input's dtype.":
        "무언가가 float32로 고정되어 있습니다(난수 생성 또는 cast): 노이즈를 입력의 dtype으로 뽑으세요.",
    "the code assumes inputs of rank 2: draw the noise with keras.ops.shape(inputs).":
        "코드가 입력이 2차원(rank 2)이라고 가정하고 있습니다: keras.ops.shape(inputs)로 노이즈를 뽑으세요.",
    "`stddev` is used as something else than the standard deviation (its square, its square root, or a constant).":
        "`stddev`를 표준편차가 아닌 다른 값(제곱, 제곱근, 또는 상수)으로 쓰고 있습니다.",
    "the noise depends on x (multiplied or scaled by the input): add N(0, stddev²) to x.":
        "노이즈가 x에 따라 달라집니다(입력을 곱하거나 입력에 맞춰 스케일링함): x에 N(0, stddev²)를 더하세요.",
    "the noise depends on x (multiplied by the input): add N(0, stddev²) to x.":
        "노이즈가 x에 따라 달라집니다(입력을 곱함): x에 N(0, stddev²)를 더하세요.",
    "Every sample of the batch got the same noise: draw noise with the full shape of the input.":
        "배치의 모든 샘플에 같은 노이즈가 더해졌습니다: 입력 전체의 shape로 노이즈를 뽑으세요.",
    "one noise draw shared by every sample of the batch": "배치의 모든 샘플이 노이즈 하나를 공유함",
    "The noise (output - input)": "노이즈(출력 - 입력)",
    "The gradient w.r.t. the input (expected the upstream gradient unchanged: d(x + noise)/dx = 1)":
        "입력에 대한 그래디언트(upstream 그래디언트가 그대로 나와야 함: d(x + noise)/dx = 1)",
    # --- checks/regularizers.py
    "Expected a single number {want:num}, got shape {shape:shape} whose elements add up to it: sum over all "
    "elements to one number.":
        "숫자 하나({want})가 나와야 하는데 shape {shape}인 결과가 나왔고, 그 원소의 합이 정답과 같습니다: 모든 원소를 더해 숫자 "
        "하나로 만드세요.",
    "The penalty is a {kind:ident}, expected a tensor: compute with keras.ops (or tf).":
        "페널티가 텐서가 아니라 {kind}입니다: keras.ops(또는 tf)로 계산하세요.",
    "The penalty": "페널티",
    "The penalty is {got:num} for {want:num} weights: let the result follow the weights' dtype instead of a fixed "
    "float32.":
        "{want} 가중치에 대한 페널티의 dtype이 {got}입니다: float32로 고정하지 말고 결과가 가중치의 dtype을 따르게 하세요.",
    "The gradient is NaN where a weight is exactly 0 ({count:num} elements). sqrt(x**2) has no gradient at 0: use "
    "the absolute value (keras.ops.abs).":
        "가중치가 정확히 0인 곳에서 그래디언트가 NaN입니다(원소 {count}개). sqrt(x**2)는 0에서 그래디언트가 없습니다: "
        "절댓값(keras.ops.abs)을 쓰세요.",
    "sqrt(x**2) has no gradient at 0: use the absolute value (keras.ops.abs).":
        "sqrt(x**2)는 0에서 그래디언트가 없습니다: 절댓값(keras.ops.abs)을 쓰세요.",
    "The gradient w.r.t. the weights": "가중치에 대한 그래디언트",
    # END HIDDEN
}
