"""Korean check names and feedback of the regularized_training assignment (see grader/i18n/ko.py for the
conventions). Entries of hidden checks sit in ``# BEGIN HIDDEN`` regions, stripped from the student bundle.
"""

from __future__ import annotations

CHECK_NAMES = {
    # callbacks
    "stops after `patience` epochs without improvement": "개선 없는 에폭이 `patience`번 이어지면 멈춤",
    "an equal value is not an improvement": "같은 값은 개선이 아님",
    "mode: 'min', 'max' and 'auto' on a loss": "mode: 'min', 'max', 손실에 대한 'auto'",
    "restore_best_weights, with and without an early stop": "restore_best_weights: 일찍 멈출 때와 끝까지 학습할 때",
    # augmentation
    # MixUp
    "transform_images blends each image with its partner by mix_weight":
        "transform_images가 각 이미지를 mix_weight에 따라 짝 이미지와 섞음",
    "transform_labels mixes the labels with the same weights and permutation":
        "transform_labels가 같은 가중치와 순열로 레이블을 섞음",
    "one weight per sample, drawn from Beta(alpha, alpha)": "샘플마다 가중치 하나, Beta(alpha, alpha)에서 뽑음",
    # CutMix
    "transform_images pastes the partner's pixels inside the mask": "transform_images가 마스크 안에 짝 이미지의 픽셀을 붙여 넣음",
    "transform_labels mixes the labels with mix_weight and the same permutation":
        "transform_labels가 mix_weight와 같은 순열로 레이블을 섞음",
    "each mask is one box inside the image, of sides sqrt(1 - mix_weight) W and H":
        "각 마스크는 이미지 안의 상자 하나이고, 변의 길이는 sqrt(1 - mix_weight) W와 H",
    # RandomErasing
    "transform_images fills the mask of the images chosen for erasing": "transform_images가 지우기로 한 이미지의 마스크 영역을 채움",
    "erases each image with probability (low + high) / 2 of `factor`": "각 이미지를 `factor`의 (low + high) / 2 확률로 지움",
    "each box is one rectangle inside the image, of sides sqrt(u) W and sqrt(u) H, u in `scale`":
        "각 상자는 이미지 안의 직사각형 하나이고, 변의 길이는 sqrt(u) W와 sqrt(u) H (u는 `scale` 범위)",
    # the three layers
    "training=False returns the input unchanged, as float32": "training=False이면 입력을 float32로만 바꿔 그대로 돌려줌",
    # checks
    # CategoricalCrossentropy
    "per-sample loss without label smoothing matches Keras": "레이블 스무딩 없이 계산한 샘플별 loss가 Keras와 일치",
    "label smoothing on probabilities matches Keras": "확률 입력에서 레이블 스무딩을 적용한 loss가 Keras와 일치",
    "reduction: mean over the batch by default, per sample with reduction=None, sample weights":
        "reduction: 기본은 배치 평균, reduction=None이면 샘플별 값, 샘플 가중치",
    # ActivityRegularization
    "the output is the input": "출력이 입력과 같음",
    "the penalty in training matches Keras (divided by the batch size)": "학습 모드의 페널티가 Keras와 일치 (배치 크기로 나눔)",
    "the penalty is added in inference calls too": "추론 모드로 호출해도 페널티를 더함",
    # fgsm_examples and AdversarialModel
    "fgsm_examples on a plain network matches the formula": "일반 네트워크에서 fgsm_examples가 공식과 일치",
    "fgsm_examples calls the network with training=False": "fgsm_examples가 네트워크를 training=False로 호출",
    # BEGIN HIDDEN
    "min_delta: a margin to beat, used as its absolute value": "min_delta: 넘어야 하는 차이, 절댓값으로 사용",
    "baseline: wait goes back to 0 only once the baseline is beaten": "baseline: 기준값을 넘어야만 wait가 0으로 돌아감",
    "start_from_epoch skips the first epochs": "start_from_epoch만큼 처음 에폭을 건너뜀",
    "a monitor missing from logs warns and never stops": "logs에 감시하는 값이 없으면 경고만 내고 멈추지 않음",
    "NaN is never an improvement": "NaN은 개선이 아님",
    "on_train_begin resets the state: one instance, two fits": "on_train_begin에서 상태 초기화: 인스턴스 하나로 fit 두 번",
    "mode 'auto' maximizes an accuracy; an unknown mode warns and falls back to 'auto'":
        "mode 'auto'는 정확도를 최대화, 알 수 없는 mode는 경고한 뒤 'auto'로 처리",
    "inside model.fit: the stop, History's length and the restored weights":
        "model.fit 안에서: 멈추는 시점, History 길이, 되돌린 가중치",
    # MixUp
    "call mixes images and labels with one draw and returns a new dict": "call이 한 번 뽑은 값으로 이미지와 레이블을 섞고 새 dict를 돌려줌",
    # CutMix
    "mix_weight follows Beta(alpha, alpha), from the continuous box area":
        "mix_weight가 Beta(alpha, alpha)를 따르고 연속적인 상자 넓이로 계산됨",
    "call pastes a box and mixes the labels with one draw, returns a new dict":
        "call이 한 번 뽑은 값으로 상자를 붙이고 레이블을 섞으며 새 dict를 돌려줌",
    "the box rule: x0 <= column < x1 and y0 <= row < y1 (_box_masks)": "상자 규칙: x0 <= 열 < x1, y0 <= 행 < y1 (_box_masks)",
    # RandomErasing
    "labels pass unchanged": "레이블은 그대로 통과",
    "call erases one rectangle per image and returns a new dict": "call이 이미지마다 직사각형 하나를 지우고 새 dict를 돌려줌",
    "the fill: N(0, 1) * value_range[1] clipped to value_range, or the constant clipped":
        "채우는 값: N(0, 1) * value_range[1]을 value_range로 자른 값, 또는 잘라 낸 상수",
    # the three layers
    "augments when `training` is omitted": "`training`을 생략하면 증강함",
    "a new draw on every call, eager and inside a tf.data map": "호출할 때마다 새로 뽑음 (eager와 tf.data map 안에서)",
    "a fixed seed reproduces on fresh layers": "seed를 고정하면 새 레이어에서도 같은 결과",
    "works in a tf.data map and in a model, before and after .keras save and load":
        "tf.data map과 모델 안에서, .keras 저장·불러오기 전후에도 동작",
    "the partners are a random permutation of the batch": "짝은 배치의 무작위 순열",
    "invalid `factor` and `scale` raise ValueError": "잘못된 `factor`와 `scale`에는 ValueError 발생",
    # CategoricalCrossentropy
    "label smoothing on logits matches Keras": "로짓 입력에서 레이블 스무딩을 적용한 loss가 Keras와 일치",
    "saturated predictions give finite losses, as in Keras": "포화된 예측값에서도 Keras처럼 loss가 유한함",
    "gradient w.r.t. the logits matches Keras (softmax(z) - y_smooth)": "로짓에 대한 그래디언트가 Keras와 일치 (softmax(z) - y_smooth)",
    "gradient w.r.t. the probabilities matches Keras": "확률에 대한 그래디언트가 Keras와 일치",
    "the same values inside tf.function with an unknown batch size": "배치 크기를 모르는 tf.function 안에서도 같은 값",
    "compiled into a model: evaluation and one training step as Keras": "모델에 compile해서 사용: 평가와 학습 스텝 한 번이 Keras와 같음",
    # ActivityRegularization
    "the penalty's gradient w.r.t. the input matches Keras": "입력에 대한 페널티의 그래디언트가 Keras와 일치",
    "one loss per call: layer.losses does not accumulate": "호출마다 loss 하나: layer.losses가 누적되지 않음",
    "in a model: evaluate's loss and a training step include the penalty": "모델 안에서: evaluate의 loss와 학습 스텝에 페널티가 포함됨",
    # fgsm_examples and AdversarialModel
    "fgsm_examples holds x_adv constant (no gradient back to x)": "fgsm_examples가 x_adv를 상수로 취급 (x로 그래디언트가 흐르지 않음)",
    "one training step minimizes alpha*L(x) + (1-alpha)*L(x_adv)": "학습 스텝 한 번이 alpha*L(x) + (1-alpha)*L(x_adv)를 최소화",
    "the training step works inside model.fit's traced function": "model.fit이 trace한 함수 안에서도 학습 스텝이 동작",
    "the logged loss is the mixed loss, metrics on the clean batch": "기록된 loss는 섞은 loss이고, metric은 원본 배치 기준",
    "calling the model runs the inner network unchanged": "모델을 호출하면 내부 네트워크를 그대로 실행",
    "fgsm_examples with another loss (mean squared error) matches the formula":
        "다른 loss(평균 제곱 오차)에서도 fgsm_examples가 공식과 일치",
    # END HIDDEN
}

MESSAGES = {
    'The loss with reduction="sum"': 'reduction="sum"일 때의 손실',
    # callbacks
    # --- checks/callbacks.py: a scripted case, both outcomes, where they part
    "EarlyStopping never stopped training and never recorded a best value in any of the {count:num} scripted "
    "runs: on_epoch_end does nothing yet, so none of its checks count.":
        "EarlyStopping이 스크립트로 돌린 실행 {count}번에서 한 번도 학습을 멈추지 않았고 best 값도 기록하지 않았습니다. "
        "on_epoch_end가 아직 아무 일도 하지 않으므로 이 문제의 검사는 하나도 점수로 인정되지 않습니다.",
    "EarlyStopping({args}) with {key:ident} = {values}": "EarlyStopping({args})에 에폭별 {key} 값 {values} 입력",
    "an exception at epoch {epoch:num}: {error}": "에폭 {epoch}에서 예외 발생: {error}",
    "an exception: {error}": "예외 발생: {error}",
    "{epochs:num} epochs run, stopped_epoch={stopped}, best={best}, best_epoch={best_epoch}, wait={wait}, final "
    "weights from epoch {weight}":
        "에폭 {epochs}개 실행, stopped_epoch={stopped}, best={best}, best_epoch={best_epoch}, wait={wait}, "
        "최종 가중치는 에폭 {weight}의 가중치",
    "The first difference is after epoch {epoch:num}: wait={wait}, best={best}; expected wait={want_wait}, "
    "best={want_best}.":
        "처음 달라지는 곳은 에폭 {epoch} 직후입니다. 실제 값: wait={wait}, best={best}. 기대값: wait={want_wait}, "
        "best={want_best}.",
    "{differ:num} of {total:num} scripted cases differ. The first: {case}: expected {want}; got {got}.":
        "스크립트 사례 {total}개 중 {differ}개의 결과가 다릅니다. 첫 번째 사례: {case}. 기대 결과: {want}. 실제 결과: {got}.",
    # augmentation
    # --- checks/augmentation.py: shared
    "{what} raised an error, so it could not be checked: {error}": "{what}에서 오류가 발생해 확인할 수 없었습니다: {error}",
    "The labels came back unchanged: transform_labels must mix them with the same weights and permutation as the "
    "images.":
        "레이블이 바뀌지 않고 그대로 나왔습니다: transform_labels는 이미지와 같은 가중치와 순열로 레이블을 섞어야 합니다.",
    "The weights were broadcast along the classes, not the samples: reshape mix_weight to (B, 1) before multiplying "
    "the (B, classes) labels.":
        "가중치가 샘플이 아니라 클래스 축을 따라 broadcast되었습니다: (B, classes) 레이블에 곱하기 전에 mix_weight를 (B, 1)로 "
        "reshape하세요.",
    "The partners were taken with the inverse permutation: the partner of sample i is labels[permutation_order[i]] "
    "(ops.take(labels, permutation_order, axis=0)).":
        "짝을 역순열로 골랐습니다: 샘플 i의 짝은 labels[permutation_order[i]]입니다(ops.take(labels, permutation_order, axis=0)).",
    "Every label row got the first weight: each sample has its own weight.":
        "모든 레이블 행에 첫 번째 가중치를 썼습니다: 샘플마다 자기 가중치가 있습니다.",
    "The labels got 1 - lambda_i and their partners lambda_i: lambda_i goes with the sample itself, 1 - lambda_i "
    "with its partner, as for the images.":
        "레이블에 1 - lambda_i, 짝의 레이블에 lambda_i를 곱했습니다: 이미지와 마찬가지로 lambda_i는 샘플 자신에게, 1 - lambda_i는 "
        "짝에게 갑니다.",
    "The labels were weighted by the box area: mix_weight (1 - area / (H W)) is the weight of the sample's own "
    "label, 1 - mix_weight that of the partner whose box was pasted.":
        "레이블 가중치로 상자 넓이를 썼습니다: mix_weight(1 - 넓이 / (H W))는 샘플 자신의 레이블 가중치이고, 1 - mix_weight는 "
        "상자를 붙여 준 짝의 레이블 가중치입니다.",
    "mix_weight was computed from the count of pasted pixels (the paper's rule); take the continuous box area, as "
    "Keras does: mix_weight = 1 - (x1 - x0) (y1 - y0) / (W H).":
        "mix_weight를 붙여 넣은 픽셀 수로 계산했습니다(논문의 규칙). Keras처럼 연속적인 상자 넓이를 쓰세요: "
        "mix_weight = 1 - (x1 - x0) (y1 - y0) / (W H).",
    "{who:text}: mix_weight holds one value for a batch of {n:num}: draw one weight per sample, shape (B,).":
        "{who}: 크기 {n}인 배치에 mix_weight 값이 하나뿐입니다: 샘플마다 가중치를 하나씩, shape (B,)로 뽑으세요.",
    "one lambda for the whole batch": "배치 전체에 lambda 하나",
    "{who:text}: mix_weight holds {size:num} values for a batch of {n:num}; expected one per sample, shape (B,).":
        "{who}: 크기 {n}인 배치에 mix_weight 값이 {size}개 있습니다. 샘플마다 하나씩, shape (B,)여야 합니다.",
    "{who:text}: {bad:num} of the {n:num} weights are NaN or infinite and {outside:num} lie outside [0, 1].":
        "{who}: 가중치 {n}개 중 {bad}개가 NaN 또는 무한대이고, {outside}개가 [0, 1] 밖에 있습니다.",
    "{who:text}: all {n:num} weights are equal ({value:num}): one lambda for the whole batch. Draw one lambda_i per "
    "sample: keras.random.beta((B,), alpha, alpha).":
        "{who}: 가중치 {n}개가 모두 같은 값({value})입니다: 배치 전체에 lambda 하나를 썼습니다. 샘플마다 lambda_i를 하나씩 "
        "뽑으세요: keras.random.beta((B,), alpha, alpha).",
    "{who:text}: only {distinct:num} different weights among {n:num}: each sample needs its own lambda_i, drawn from "
    "a continuous distribution.":
        "{who}: 가중치 {n}개 중 서로 다른 값이 {distinct}개뿐입니다: 샘플마다 연속 분포에서 뽑은 자기 lambda_i가 있어야 합니다.",
    "a uint8 tensor": "uint8 텐서",
    "a dict of uint8 images and labels": "uint8 이미지와 레이블의 dict",
    "{name:ident}.call(..., training=False) on {label:text}": "{label}에 대한 {name}.call(..., training=False)",
    "With training=False on {label:text}, {name:ident} changed the images (by up to {change:num}): the augmentation "
    "runs only in training; predict and evaluate pass training=False.":
        "{label}에 training=False로 호출했는데 {name} 레이어가 이미지를 바꿨습니다(최대 {change}): 증강은 학습할 때만 합니다. "
        "predict와 evaluate는 training=False를 넘깁니다.",
    "augments with training=False": "training=False인데도 증강함",
    "The images {name:ident} returns with training=False on {label:text}":
        "{label}에 training=False로 호출했을 때 {name} 레이어가 돌려준 이미지",
    "With training=False on {label:text}, {name:ident} returned {dtype:num} images; expected float32: cast the "
    "images to self.compute_dtype in every mode.":
        "{label}에 training=False로 호출했더니 {name} 레이어가 dtype {dtype}인 이미지를 돌려주었습니다. float32여야 합니다: "
        "어느 모드에서든 이미지를 self.compute_dtype으로 변환하세요.",
    "images not cast to float32": "이미지를 float32로 변환하지 않음",
    "With training=False, {name:ident} changed the labels: nothing is mixed outside training.":
        "training=False인데 {name} 레이어가 레이블을 바꿨습니다: 학습이 아닐 때는 아무것도 섞지 않습니다.",
    "{who:text}: every sample of the batch got the same mask: draw one box per sample (corners of shape (B,)).":
        "{who}: 배치의 모든 샘플이 같은 마스크를 받았습니다: 샘플마다 상자를 하나씩 뽑으세요(모서리 좌표의 shape는 (B,)).",
    "one box for the whole batch": "배치 전체에 상자 하나",
    "{who:text}: the mask differs between channels in {count:num} of {n:num} samples (the first: sample {i:num}): a "
    "pixel is pasted or erased on every channel; repeat the (B, H, W, 1) mask over the channels.":
        "{who}: 샘플 {n}개 중 {count}개에서 채널마다 마스크가 다릅니다(첫 번째: 샘플 {i}): 픽셀은 모든 채널에서 함께 붙이거나 "
        "지웁니다. (B, H, W, 1) 마스크를 채널 방향으로 반복하세요.",
    "mask on one channel only": "한 채널에만 마스크 적용",
    "{who:text}: {count:num} of {n:num} masks are not one axis-aligned rectangle (the first: sample {i:num}): the "
    "mask holds the pixels with x0 <= column < x1 and y0 <= row < y1.":
        "{who}: 마스크 {n}개 중 {count}개가 축에 나란한 직사각형 하나가 아닙니다(첫 번째: 샘플 {i}): 마스크는 x0 <= 열 < x1, "
        "y0 <= 행 < y1인 픽셀입니다.",
    "Width and height are swapped: x runs along the width (columns, axis 2) and y along the height (rows, axis 1).":
        "너비와 높이가 바뀌었습니다: x는 너비(열, 축 2) 방향, y는 높이(행, 축 1) 방향입니다.",
    # --- MixUp
    "MixUp.transform_images on the given mix_weight and permutation_order":
        "주어진 mix_weight와 permutation_order에 대한 MixUp.transform_images 결과",
    "The weight lambda_i went to the partner and 1 - lambda_i to the sample: lambda_i multiplies x_i, 1 - lambda_i "
    "multiplies x[permutation_order[i]].":
        "가중치 lambda_i를 짝에, 1 - lambda_i를 샘플에 곱했습니다: lambda_i는 x_i에, 1 - lambda_i는 x[permutation_order[i]]에 "
        "곱합니다.",
    "The partners were taken with the inverse permutation: the partner of sample i is images[permutation_order[i]] "
    "(ops.take(images, permutation_order, axis=0)).":
        "짝을 역순열로 골랐습니다: 샘플 i의 짝은 images[permutation_order[i]]입니다(ops.take(images, permutation_order, axis=0)).",
    "The partners are the batch reversed (x[::-1]), not permutation_order: use the permutation of the transformation.":
        "짝이 permutation_order가 아니라 뒤집은 배치(x[::-1])입니다: 변환 dict의 순열을 쓰세요.",
    "Every image got the first weight: each sample has its own lambda_i.":
        "모든 이미지에 첫 번째 가중치를 썼습니다: 샘플마다 자기 lambda_i가 있습니다.",
    "MixUp.transform_labels on the given transformation": "주어진 변환에 대한 MixUp.transform_labels",
    "MixUp.transform_labels on the given mix_weight and permutation_order":
        "주어진 mix_weight와 permutation_order에 대한 MixUp.transform_labels 결과",
    "MixUp(alpha={alpha:num}).get_random_transformation on a batch of {n:num}":
        "크기 {n}인 배치에 대한 MixUp(alpha={alpha}).get_random_transformation",
    "{who:text}: the weights have mean {mean:num} and variance {var:num}; Beta({a:num}, {b:num}) has mean 0.5 "
    "(± {mean_bound:num}) and variance {want:num} (± {var_bound:num}).":
        "{who}: 가중치의 평균은 {mean}, 분산은 {var}입니다. Beta({a}, {b})의 평균은 0.5(± {mean_bound}), 분산은 {want}"
        "(± {var_bound})입니다.",
    "That is U(0, 1): draw lambda from Beta(alpha, alpha) with keras.random.beta.":
        "이것은 U(0, 1)입니다: keras.random.beta로 Beta(alpha, alpha)에서 lambda를 뽑으세요.",
    "lambda drawn from U(0, 1) instead of Beta(alpha, alpha)": "lambda를 Beta(alpha, alpha) 대신 U(0, 1)에서 뽑음",
    # --- CutMix
    "CutMix.transform_images on the given batch_masks and permutation_order":
        "주어진 batch_masks와 permutation_order에 대한 CutMix.transform_images 결과",
    "The partner's pixels went outside the box and the sample kept its own inside: take x[permutation_order[i]] "
    "where batch_masks is True, x_i elsewhere.":
        "짝의 픽셀이 상자 밖에 들어가고 상자 안은 샘플 자신의 픽셀로 남았습니다: batch_masks가 True인 곳은 "
        "x[permutation_order[i]], 나머지는 x_i를 쓰세요.",
    "The images were blended with mix_weight as in MixUp: CutMix pastes the partner's pixels inside the box and "
    "keeps the others as they are.":
        "MixUp처럼 mix_weight로 이미지를 섞었습니다: CutMix는 상자 안에 짝의 픽셀을 붙여 넣고 나머지 픽셀은 그대로 둡니다.",
    "CutMix.transform_labels on the given transformation": "주어진 변환에 대한 CutMix.transform_labels",
    "CutMix.transform_labels on the given mix_weight and permutation_order":
        "주어진 mix_weight와 permutation_order에 대한 CutMix.transform_labels 결과",
    "CutMix(factor=({low:num}, {high:num})).get_random_transformation on {n:num} images of {height:num} x "
    "{width:num}":
        "{height} x {width} 이미지 {n}개에 대한 CutMix(factor=({low}, {high})).get_random_transformation",
    "{who:text}: mix_weight holds {size:num} values, not {n:num} finite ones (one per sample).":
        "{who}: mix_weight 값이 {size}개입니다. 유한한 값이 {n}개(샘플마다 하나) 있어야 합니다.",
    "{who:text}: {count:num} of {n:num} masks do not have the size mix_weight implies. Sample {i:num} has mix_weight "
    "{weight:num}, so its box of sides sqrt(1 - mix_weight) W and sqrt(1 - mix_weight) H should cover "
    "{want_cols:num} columns and {want_rows:num} rows (±1 pixel); its mask covers {cols:num} columns and {rows:num} "
    "rows.":
        "{who}: 마스크 {n}개 중 {count}개의 크기가 mix_weight와 맞지 않습니다. 샘플 {i}의 mix_weight 값은 {weight}이므로 변이 "
        "sqrt(1 - mix_weight) W, sqrt(1 - mix_weight) H인 상자는 열 {want_cols}개, 행 {want_rows}개(±1픽셀)를 덮어야 하는데, "
        "마스크는 열 {cols}개, 행 {rows}개를 덮습니다.",
    "The box sides are lambda (or 1 - lambda) times W and H: the side ratio is sqrt(1 - lambda), so that the box "
    "covers 1 - lambda of the image.":
        "상자의 변이 W와 H의 lambda배(또는 1 - lambda배)입니다: 변의 비율이 sqrt(1 - lambda)여야 상자가 이미지의 1 - lambda만큼을 "
        "덮습니다.",
    "box side ratio not sqrt(1 - lambda)": "상자 변의 비율이 sqrt(1 - lambda)가 아님",
    "The box must lie inside the image, not be clipped at its border: x0 = u (W - cut_w), x1 = x0 + cut_w, and "
    "likewise along the height.":
        "상자는 경계에서 잘리지 않고 이미지 안에 놓여야 합니다: x0 = u (W - cut_w), x1 = x0 + cut_w이고, 높이 방향도 같습니다.",
    # --- RandomErasing
    "RandomErasing.transform_images on the given apply_erasing, batch_masks and fill_value":
        "주어진 apply_erasing, batch_masks, fill_value에 대한 RandomErasing.transform_images 결과",
    "Images whose apply_erasing is False were erased too: erase only where batch_masks is True and "
    "apply_erasing[i] is True (reshape it to (B, 1, 1, 1)).":
        "apply_erasing이 False인 이미지도 지웠습니다: batch_masks가 True이고 apply_erasing[i]도 True인 곳만 지우세요"
        "(apply_erasing을 (B, 1, 1, 1)로 reshape).",
    "The images whose apply_erasing is False were erased, and those whose apply_erasing is True were kept: erase "
    "where it is True.":
        "apply_erasing이 False인 이미지를 지우고 True인 이미지는 그대로 두었습니다: True인 이미지를 지우세요.",
    "The fill went outside the box and the box kept the image: put fill_value where batch_masks is True.":
        "채우는 값이 상자 밖에 들어가고 상자 안은 원래 이미지로 남았습니다: batch_masks가 True인 곳에 fill_value를 넣으세요.",
    "The box was set to 0, not to fill_value: take the erased pixels from transformation[\"fill_value\"].":
        "상자를 fill_value가 아니라 0으로 채웠습니다: 지울 픽셀의 값은 transformation[\"fill_value\"]에서 가져오세요.",
    "RandomErasing({label}): apply_erasing holds {size:num} values for a batch of {n:num}; expected one per image, "
    "shape (B,).":
        "RandomErasing({label}): 크기 {n}인 배치에 apply_erasing 값이 {size}개입니다. 이미지마다 하나씩, shape (B,)여야 합니다.",
    "RandomErasing({label}) erased {share:num} of {n:num} images; expected {p:num} (± {bound:num}): per image, "
    "p_i ~ U(low, high) and the image is erased when u_i < p_i, u_i ~ U(0, 1), so an image is erased with "
    "probability (low + high) / 2, 0.5 for factor=1.0.":
        "RandomErasing({label}) 레이어가 이미지 {n}개 중 {share} 비율을 지웠습니다. 기대값은 {p}입니다(± {bound}): 이미지마다 "
        "p_i ~ U(low, high)를 뽑고 u_i ~ U(0, 1)가 p_i보다 작을 때 지우므로, 이미지를 지울 확률은 (low + high) / 2, "
        "factor=1.0이면 0.5입니다.",
    "The images were erased with probability high, `factor` itself: draw p_i ~ U(low, high) first, then compare a "
    "second draw u_i with it.":
        "이미지를 high, 즉 `factor` 자체의 확률로 지웠습니다: 먼저 p_i ~ U(low, high)를 뽑고, 두 번째로 뽑은 u_i와 비교하세요.",
    "factor used as the erase probability": "factor를 지울 확률로 그대로 씀",
    "That is 1 - p: erase when u_i < p_i, not when u_i >= p_i.":
        "이것은 1 - p입니다: u_i >= p_i가 아니라 u_i < p_i일 때 지우세요.",
    "erase decision inverted (u >= p)": "지우기 조건이 반대(u >= p)",
    "RandomErasing(factor=(1.0, 1.0), scale={scale}).get_random_transformation on {n:num} images of {height:num} x "
    "{width:num}":
        "{height} x {width} 이미지 {n}개에 대한 RandomErasing(factor=(1.0, 1.0), scale={scale}).get_random_transformation",
    "{who:text}: {count:num} of {n:num} boxes have a size scale does not allow: with u ~ U{scale} per side, a box "
    "covers {low_cols:num} to {high_cols:num} columns and {low_rows:num} to {high_rows:num} rows (±1 pixel). Sample "
    "{i:num} covers {cols:num} columns and {rows:num} rows.":
        "{who}: 상자 {n}개 중 {count}개의 크기가 scale이 허용하는 범위를 벗어납니다: 변마다 u ~ U{scale}일 때 상자는 열 "
        "{low_cols}~{high_cols}개, 행 {low_rows}~{high_rows}개(±1픽셀)를 덮습니다. 샘플 {i}의 상자는 열 {cols}개, 행 {rows}개를 "
        "덮습니다.",
    "The sides are u W and u H: the side fractions are sqrt(u), so that their product, the area, lies in `scale`.":
        "변이 u W와 u H입니다: 변의 비율이 sqrt(u)여야 둘의 곱인 넓이가 `scale` 범위에 들어갑니다.",
    "box sides u instead of sqrt(u)": "상자 변의 비율로 sqrt(u) 대신 u를 씀",
    "Some boxes are empty.": "빈 상자도 있습니다.",
    "The box must lie inside the image, not be clipped at its border: x0 = u (W - cut_w).":
        "상자는 경계에서 잘리지 않고 이미지 안에 놓여야 합니다: x0 = u (W - cut_w).",
    # --- probes/augmentation.py
    "{what} returned a {kind:ident}, not a dict of the draws": "{what}의 반환값이 뽑은 값들의 dict가 아니라 {kind}입니다",
    "{what} returned a dict without the key {key}: keep Keras's names for the entries (found {found})":
        "{what}의 반환 dict에 키 {key} 항목이 없습니다: 항목 이름은 Keras와 같게 하세요(있는 키: {found})",
    "{what} has shape {shape:shape}; expected {want:shape}: one mask value per pixel and channel":
        "{what}의 shape가 {shape}입니다. 기대한 shape는 {want}입니다: 픽셀과 채널마다 마스크 값이 하나씩 있어야 합니다",
    "{what} returned a dict for a tensor input: return the transformed images (a tensor)":
        "{what}에 텐서를 넣었는데 dict를 돌려주었습니다: 변환한 이미지(텐서)를 돌려주세요",
    "{what} returned a {kind:ident} for a dict input: return a new dict with the same keys, the images (and the "
    "labels) transformed":
        "{what}에 dict를 넣었는데 {kind} 값을 돌려주었습니다: 키가 같은 새 dict에 변환한 이미지(와 레이블)를 담아 돌려주세요",
    "{what} returned a dict without the key {key}: return every key of the input":
        "{what}의 반환 dict에 키 {key} 항목이 없습니다: 입력의 키를 모두 돌려주세요",
    # checks
    # --- checks/losses.py: level notes ("A likely cause: ...")
    "predictions at 0 or 1 break the log: clip probabilities to [1e-7, 1 - 1e-7] and, with logits, use a "
    "log-softmax (keras.ops.log_softmax), not log(softmax(z)).":
        "예측값이 0이나 1이면 log 계산이 깨집니다: 확률은 [1e-7, 1 - 1e-7]로 clip하고, 로짓이면 log(softmax(z)) 대신 "
        "log-softmax(keras.ops.log_softmax)를 쓰세요.",
    "predictions that are not normalized are mishandled: divide probabilities by their sum over the class axis; for "
    "logits, a softmax is unchanged by adding a constant, so compute it stably (keras.ops.log_softmax) rather than "
    "with exp(z) directly.":
        "정규화되지 않은 예측값을 잘못 처리합니다: 확률은 클래스 축에 대한 합으로 나누세요. 로짓은 상수를 더해도 softmax가 "
        "바뀌지 않으므로, exp(z)를 직접 계산하지 말고 수치적으로 안정된 방법(keras.ops.log_softmax)으로 계산하세요.",
    "the logits path is wrong: with from_logits=True, y_pred holds logits; take the log-softmax of them.":
        "로짓을 처리하는 부분이 틀렸습니다: from_logits=True이면 y_pred에는 로짓이 들어 있으므로 log-softmax를 취하세요.",
    "the probability path is wrong: with from_logits=False, y_pred holds probabilities: normalize, clip and take "
    "the log (no softmax).":
        "확률을 처리하는 부분이 틀렸습니다: from_logits=False이면 y_pred에는 확률이 들어 있습니다. 정규화하고 clip한 다음 "
        "log를 취하세요(softmax는 쓰지 않음).",
    "the label smoothing is wrong: y * (1 - ls) + ls / K, with K the number of classes.":
        "레이블 스무딩이 틀렸습니다: K가 클래스 개수일 때 y * (1 - ls) + ls / K입니다.",
    # levels of the declared space (probes/losses.py): a data level reads "{label} 데이터"
    "moderate predictions": "예측값이 극단적이지 않은",
    "saturated predictions": "예측값이 0이나 1로 포화된",
    "unnormalized predictions": "예측값이 정규화되지 않은",
    "only label_smoothing=0.0": "label_smoothing=0.0만",
    # --- checks/losses.py: mistakes
    "It matches the mean over the classes instead of the sum: the cross-entropy sums -y*log(p) over the class axis.":
        "클래스에 대해 합 대신 평균을 낸 결과와 같습니다: 크로스 엔트로피는 클래스 축을 따라 -y*log(p)를 더합니다.",
    "It matches smoothing that gives the other classes ls/(K-1) and the target 1-ls: Keras uses y*(1-ls) + ls/K for "
    "every class (K={k:num}), so the target gets 1-ls+ls/K.":
        "정답이 아닌 클래스에 ls/(K-1), 정답 클래스에 1-ls를 주는 스무딩과 같습니다: Keras는 모든 클래스에 "
        "y*(1-ls) + ls/K를 쓰므로(K={k}) 정답 클래스는 1-ls+ls/K를 받습니다.",
    "It matches the loss without label smoothing: label_smoothing is not applied.":
        "레이블 스무딩 없이 계산한 loss와 같습니다: label_smoothing이 적용되지 않았습니다.",
    "It matches y*(1-ls) + ls with no division by K: the smoothing mass ls is spread over the K={k:num} classes, "
    "ls/K each.":
        "K로 나누지 않은 y*(1-ls) + ls와 같습니다: 스무딩에 쓰는 몫 ls는 K={k}개 클래스에 ls/K씩 나눠 줍니다.",
    "It matches K taken from the batch axis (shape[0] = {batch:num}): K is the size of the class axis, shape[-1].":
        "K를 배치 축에서 가져온 결과(shape[0] = {batch})와 같습니다: K는 클래스 축의 크기인 shape[-1]입니다.",
    "It matches smoothing applied to the predictions instead of the labels: smooth y_true.":
        "레이블 대신 예측값에 스무딩을 적용한 결과와 같습니다: y_true를 스무딩하세요.",
    "It matches from_logits=True ignored: the logits were used as probabilities. With from_logits=True take the "
    "log-softmax of y_pred.":
        "from_logits=True를 무시한 결과와 같습니다: 로짓을 확률처럼 썼습니다. from_logits=True이면 y_pred에 log-softmax를 "
        "취하세요.",
    "It matches a softmax applied twice: with from_logits=True apply one log-softmax to y_pred.":
        "softmax를 두 번 적용한 결과와 같습니다: from_logits=True이면 y_pred에 log-softmax를 한 번만 적용하세요.",
    "It matches a softmax applied to probabilities: with from_logits=False y_pred already holds probabilities.":
        "확률에 softmax를 적용한 결과와 같습니다: from_logits=False이면 y_pred에는 이미 확률이 들어 있습니다.",
    "It matches probabilities that are not divided by their sum: Keras normalizes y_pred over the class axis first.":
        "확률을 그 합으로 나누지 않은 결과와 같습니다: Keras는 먼저 y_pred를 클래스 축에 대해 정규화합니다.",
    "It matches probabilities clipped to a different range, or not clipped: Keras clips to [1e-7, 1 - 1e-7] before "
    "the log.":
        "확률을 다른 범위로 clip했거나 clip하지 않은 결과와 같습니다: Keras는 log를 취하기 전에 [1e-7, 1 - 1e-7]로 "
        "clip합니다.",
    # --- checks/losses.py: what is compared, and Fail texts
    "The per-sample losses (reduction=None, label_smoothing={ls:num})": "샘플별 loss(reduction=None, label_smoothing={ls})",
    "The loss is 0 for every prediction: nothing is computed yet, so none of its checks count.":
        "모든 예측값에 대해 loss가 0입니다: 아직 아무것도 계산하지 않으므로 이 문제의 검사는 하나도 점수로 인정되지 않습니다.",
    "With reduction=None the loss has shape {got:shape}; expected {want:shape}, one value per sample: call() returns "
    "the per-sample losses and the base class reduces them.":
        "reduction=None일 때 loss의 shape가 {got}입니다. 기대한 shape는 샘플마다 값이 하나인 {want}입니다: call()은 샘플별 "
        "loss를 돌려주고, reduction은 기본 클래스가 적용합니다.",
    "call() reduces over the batch itself: return one loss per sample and let keras.losses.Loss apply the reduction.":
        "call()에서 직접 배치에 대해 reduction을 합니다: 샘플마다 loss를 하나씩 돌려주고 reduction은 keras.losses.Loss에 "
        "맡기세요.",
    "The per-sample losses of a plain case (label_smoothing=0.2)": "기본 경우(label_smoothing=0.2)의 샘플별 loss",
    "The default reduction (the mean over the batch)": "기본 reduction(배치 평균)으로 구한 loss",
    "It is the sum over the batch: the default reduction is the mean (sum_over_batch_size).":
        "배치에 대한 합입니다: 기본 reduction은 평균(sum_over_batch_size)입니다.",
    "The loss with sample_weight": "sample_weight를 준 loss",
    # --- probes/losses.py
    "the gradient w.r.t. the predictions is None: the loss does not depend on y_pred through TensorFlow operations "
    "(numpy or float() breaks the chain)":
        "예측값에 대한 그래디언트가 None입니다: loss가 TensorFlow 연산을 거쳐 y_pred에 의존하지 않습니다(numpy나 float()를 "
        "쓰면 그래디언트의 연결이 끊깁니다)",
    "the gradient w.r.t. the predictions": "예측값에 대한 그래디언트",
    "{exercise:ident}(label_smoothing=0.2) with sample_weight": "sample_weight를 준 {exercise}(label_smoothing=0.2)",
    # a piece of the description of a call, "CategoricalCrossentropy(label_smoothing=0.2, reduction='sum')": code
    ", reduction=": ", reduction=",
    # --- checks/sparsity.py: level notes ("A likely cause: ...")
    "the batch size is mishandled: the penalty is divided by the batch size, the first axis of the input "
    "(keras.ops.shape(inputs)[0]).":
        "배치 크기를 잘못 처리합니다: 페널티는 입력의 첫 번째 축의 크기인 배치 크기(keras.ops.shape(inputs)[0])로 나눕니다.",
    "a rank-3 input is mishandled: sum over every element, then divide by the first axis only.":
        "3차원(rank 3) 입력을 잘못 처리합니다: 모든 원소를 더한 다음 첫 번째 축의 크기로만 나누세요.",
    "the penalty is not divided by the batch size: with one sample nothing shows, with more the penalty is B times "
    "too large.":
        "페널티를 배치 크기로 나누지 않습니다: 샘플이 하나이면 차이가 드러나지 않지만, 샘플이 B개이면 페널티가 B배 커집니다.",
    "something is fixed to float32: compute the penalty in the input's dtype.":
        "무언가가 float32로 고정되어 있습니다: 페널티를 입력의 dtype으로 계산하세요.",
    "the defaults differ: l1=0.0 and l2=0.0, so the penalty is 0.":
        "기본값이 다릅니다: 기본값은 l1=0.0, l2=0.0이므로 페널티는 0입니다.",
    "the penalty is added only in training: Keras adds an activity penalty on every call, in inference too.":
        "페널티를 학습 모드에서만 더합니다: Keras는 추론 모드를 포함해 호출할 때마다 activity 페널티를 더합니다.",
    # levels of the declared space (probes/sparsity.py). Written out one by one: the regularization pack's
    # "shape {shape:shape}" would read them alike, but it sits in a hidden region (its own shapes are levels of
    # hidden checks), and these are public.
    "shape (8, 5)": "shape (8, 5)인 입력",
    "shape (2, 5)": "shape (2, 5)인 입력",
    "shape (4, 3, 2)": "shape (4, 3, 2)인 입력",
    "shape {shape:shape} (a batch of one)": "shape {shape}인 입력(배치 크기 1)",
    "only shape {shape:shape} (a batch of one)": "shape {shape}인 입력(배치 크기 1)만",
    "only training=True": "training=True만",
    # --- checks/sparsity.py: mistakes
    "It matches the penalty not divided by the batch size: Keras 3.15 divides the activity penalty by the batch size "
    "(the first axis).":
        "배치 크기로 나누지 않은 페널티와 같습니다: Keras 3.15는 activity 페널티를 배치 크기(첫 번째 축의 크기)로 나눕니다.",
    "It matches the penalty divided by the number of elements (a mean): divide the sums by the batch size only.":
        "페널티를 원소 개수로 나눈 값(평균)과 같습니다: 합은 배치 크기로만 나누세요.",
    "It is a vector of per-sample penalties: sum over every element to one number, then divide by the batch size.":
        "샘플마다 따로 계산한 페널티를 모은 벡터입니다: 모든 원소를 더해 숫자 하나로 만든 다음 배치 크기로 나누세요.",
    "It matches half the L2 term: the activity penalty is l2 * sum(x**2), with no 1/2.":
        "L2 항의 절반과 같습니다: activity 페널티는 1/2 없이 l2 * sum(x**2)입니다.",
    "It matches l2 times the norm sqrt(sum(x**2)): the penalty uses the squared norm.":
        "l2 × 노름 sqrt(sum(x**2)) 값과 같습니다: 페널티는 노름의 제곱을 씁니다.",
    "It matches l1 * sum(x) without the absolute value: take |x| first.":
        "절댓값 없이 계산한 l1 * sum(x) 값과 같습니다: 먼저 |x|를 취하세요.",
    "Only the L1 term is there: add l2 * sum(x**2) as well.": "L1 항만 있습니다: l2 * sum(x**2)도 더하세요.",
    "Only the L2 term is there: add l1 * sum(|x|) as well.": "L2 항만 있습니다: l1 * sum(|x|)도 더하세요.",
    # --- checks/sparsity.py: what is compared, and Fail texts
    "layer.losses is empty after the call: add the penalty with self.add_loss(...) in call().":
        "호출한 뒤에도 layer.losses가 비어 있습니다: call()에서 self.add_loss(...)로 페널티를 더하세요.",
    "layer.losses holds {got:num} entries after one call; expected {want:num}.":
        "한 번 호출한 뒤 layer.losses의 항목이 {got}개입니다. {want}개여야 합니다.",
    "The penalty in layer.losses": "layer.losses에 들어 있는 페널티",
    "The output (the input itself)": "출력(입력 그대로여야 함)",
    "It is not the input: the layer returns its input unchanged and only adds a loss.":
        "입력과 다릅니다: 이 레이어는 입력을 그대로 돌려주고 loss만 더합니다.",
    "{exercise:ident} adds no penalty with l1 and l2 above 0: nothing is computed yet, so none of its checks count.":
        "{exercise}: l1과 l2가 0보다 큰데도 페널티를 더하지 않습니다. 아직 아무것도 계산하지 않으므로 이 문제의 검사는 "
        "하나도 점수로 인정되지 않습니다.",
    "layer.losses is empty after a call in inference: the penalty is added only in training. Keras adds an activity "
    "penalty on every call, in inference too (evaluate reports it).":
        "추론 모드로 호출한 뒤 layer.losses가 비어 있습니다: 페널티를 학습 모드에서만 더하고 있습니다. Keras는 추론 모드를 "
        "포함해 호출할 때마다 activity 페널티를 더합니다(evaluate가 보고하는 loss에도 들어갑니다).",
    # --- probes/sparsity.py
    "layer.losses is a {kind:ident}, not a list": "layer.losses가 리스트가 아니라 {kind}입니다",
    "an entry of layer.losses": "layer.losses의 항목",
    "{exercise:ident} added no loss in training, so there is no gradient of the penalty":
        "{exercise}: 학습 모드에서 loss를 더하지 않아서 페널티의 그래디언트가 없습니다",
    "the penalty's gradient w.r.t. the input": "입력에 대한 페널티의 그래디언트",
    # --- checks/adversarial.py: level notes ("A likely cause: ...")
    "the network is called in training mode while crafting: call it with training=False, so Dropout (and "
    "BatchNormalization) behave as at inference and the result is reproducible.":
        "적대적 예제를 만들 때 네트워크를 학습 모드로 호출합니다: training=False로 호출해야 Dropout(과 "
        "BatchNormalization)이 추론할 때처럼 동작하고 결과가 재현됩니다.",
    "clip=None is mishandled: None means no clipping at all.": "clip=None을 잘못 처리합니다: None은 clip을 전혀 하지 않는다는 뜻입니다.",
    "the clip range is fixed: clip to the (low, high) passed as `clip`.":
        "clip 범위가 고정되어 있습니다: `clip`으로 넘겨받은 (low, high) 범위로 clip하세요.",
    "the loss is fixed: use the loss_fn passed in, called as loss_fn(y, predictions).":
        "loss가 고정되어 있습니다: 넘겨받은 loss_fn을 loss_fn(y, predictions) 형태로 호출해서 쓰세요.",
    # levels of the declared space (probes/adversarial.py); epsilon=0.1 and clip=None are code, as they are
    "a plain network": "일반 네트워크",
    "a network with Dropout": "Dropout이 있는 네트워크",
    "cross-entropy on logits": "로짓에 대한 크로스 엔트로피",
    "mean squared error": "평균 제곱 오차",
    "clip={clip:shape}": "clip={clip}",
    # --- checks/adversarial.py: mistakes
    "It matches x - epsilon * sign(gradient): FGSM steps UP the loss, x + epsilon * sign(gradient).":
        "x - epsilon * sign(gradient)와 같습니다: FGSM은 loss가 커지는(UP) 방향, 곧 x + epsilon * sign(gradient)로 "
        "움직입니다.",
    "It matches a step along the raw gradient, x + epsilon * gradient: FGSM takes its sign (every value moves by "
    "exactly epsilon).":
        "그래디언트를 그대로 따라간 스텝 x + epsilon * gradient와 같습니다: FGSM은 그래디언트의 부호를 씁니다(모든 값이 "
        "정확히 epsilon만큼 움직입니다).",
    "It matches a step normalized by the gradient's norm (a fast gradient L2 step): FGSM moves every value by "
    "epsilon * sign(gradient).":
        "그래디언트의 노름으로 정규화한 스텝(fast gradient L2 스텝)과 같습니다: FGSM은 모든 값을 epsilon * sign(gradient)만큼 "
        "움직입니다.",
    "It matches a step of 2 * epsilon: apply epsilon once.": "2 * epsilon만큼 움직인 스텝과 같습니다: epsilon은 한 번만 적용하세요.",
    "It matches clipping to [0, 1] whatever `clip` says: use the range passed in.":
        "`clip` 값과 상관없이 [0, 1]로 clip한 결과와 같습니다: 넘겨받은 범위를 쓰세요.",
    "It matches x_adv without clipping: clip the result to `clip` (the valid input range).":
        "clip하지 않은 x_adv와 같습니다: 결과를 `clip`(유효한 입력 범위)으로 clip하세요.",
    "The examples differ only on the network with Dropout, so the network is called in training mode while crafting: "
    "call it with training=False (Dropout and BatchNormalization then behave as at inference, and the result is "
    "reproducible).":
        "Dropout이 있는 네트워크에서만 예제가 다르므로, 적대적 예제를 만들 때 네트워크를 학습 모드로 호출하고 있습니다: "
        "training=False로 호출하세요(그러면 Dropout과 BatchNormalization이 추론할 때처럼 동작하고 결과가 재현됩니다).",
    "x_adv is not held constant: wrap it in tf.stop_gradient.": "x_adv가 상수로 고정되지 않았습니다: tf.stop_gradient로 감싸세요.",
    # --- checks/adversarial.py: what is compared, and Fail texts
    "The adversarial examples": "적대적 예제",
    "A gradient flows from the adversarial examples back to x: return them through tf.stop_gradient, so training "
    "treats x_adv as a constant input.":
        "적대적 예제에서 x로 그래디언트가 거꾸로 흐릅니다: 학습할 때 x_adv를 상수 입력으로 다루도록 tf.stop_gradient를 "
        "거쳐서 돌려주세요.",
    "fgsm_examples returns its input unchanged: nothing is computed yet, so none of its checks count.":
        "fgsm_examples가 입력을 그대로 돌려줍니다: 아직 아무것도 계산하지 않으므로 이 문제의 검사는 하나도 점수로 인정되지 "
        "않습니다.",
    # --- probes/adversarial.py
    "adversarial.py defines no function fgsm_examples": "adversarial.py에 fgsm_examples 함수가 없습니다",
    "a weight after the step": "스텝 뒤의 가중치",
    # BEGIN HIDDEN
    "EarlyStopping({args}) with logs holding only {key:ident} = {values}":
        "EarlyStopping({args})에 {key} 키만 있는 logs 입력(에폭별 값 {values})",
    "EarlyStopping({args}), fit number {run:num} of the same instance, with {key:ident} = {values}":
        "같은 EarlyStopping({args}) 인스턴스로 {run}번째 fit, 에폭별 {key} 값 {values} 입력",
    "model.fit(..., epochs={epochs:num}, callbacks=[..., EarlyStopping({args})]) with {key:ident} = {values}":
        "model.fit(..., epochs={epochs}, callbacks=[..., EarlyStopping({args})])에 에폭별 {key} 값 {values} 입력",
    "{case}: no warning was raised; expected a warning (warnings.warn) saying that {monitor:ident} is not in "
    "logs, with the keys that are.":
        "{case}: 경고가 나오지 않았습니다. {monitor} 키가 logs에 없다는 것과 logs에 있는 키를 알리는 경고(warnings.warn)를 "
        "내야 합니다.",
    "EarlyStopping({args}) raised no warning; expected one (warnings.warn) before falling back to mode 'auto'.":
        "EarlyStopping({args})에서 경고가 나오지 않았습니다. mode 'auto'로 대신 처리하기 전에 경고(warnings.warn)를 "
        "내야 합니다.",
    # the known mistakes, appended to the feedback
    "An equal value counts as an improvement: the test is strict (current + min_delta < best in mode 'min', "
    "current - min_delta > best in mode 'max'), not <= or >=.":
        "같은 값을 개선으로 셌습니다. 개선 판정은 엄격한 비교입니다(mode 'min'이면 `current + min_delta < best`, "
        "mode 'max'이면 `current - min_delta > best`). <=나 >=를 쓰면 안 됩니다.",
    "It stops one epoch late: stop when wait >= patience (wait is increased first), not wait > patience.":
        "한 에폭 늦게 멈춥니다. wait를 먼저 1 늘린 뒤 `wait >= patience`이면 멈춰야 합니다(`wait > patience`가 아님).",
    "wait is only counted on epochs without improvement: add 1 at every monitored epoch, before the test, and set "
    "it back to 0 only when the value also beats the baseline.":
        "wait를 개선이 없는 에폭에서만 셌습니다. 감시하는 모든 에폭에서 비교 전에 1을 더하고, 값이 baseline까지 넘을 때만 "
        "0으로 되돌려야 합니다.",
    "An improving epoch reached the stop test: after an improvement, on_epoch_end returns, so an improving epoch "
    "never stops training.":
        "개선된 에폭이 멈춤 판정까지 갔습니다. 개선되면 on_epoch_end는 바로 반환하므로, 개선된 에폭에서는 학습을 멈추지 "
        "않습니다.",
    "wait goes back to 0 on every improvement: with a baseline, it does so only when the value also beats the "
    "baseline.":
        "개선될 때마다 wait가 0이 됩니다. baseline이 있으면 값이 baseline까지 넘을 때만 0으로 되돌려야 합니다.",
    "best starts at the baseline: best starts at None, so the first monitored value is always an improvement; the "
    "baseline only decides when wait goes back to 0.":
        "best를 baseline에서 시작했습니다. best는 None에서 시작하므로 처음 감시하는 값은 항상 개선이고, baseline은 wait를 "
        "0으로 되돌릴지만 정합니다.",
    "best starts at an infinity: it starts at None, and the first monitored value (NaN included) is always an "
    "improvement.":
        "best를 무한대에서 시작했습니다. best는 None에서 시작하고, 처음 감시하는 값은 NaN이라도 항상 개선입니다.",
    "The best weights are put back only when training stopped early (Keras 2): Keras 3 puts them back in "
    "on_train_end whenever restore_best_weights is set and a snapshot exists.":
        "일찍 멈췄을 때만 최고 가중치를 되돌렸습니다(Keras 2 방식). Keras 3은 restore_best_weights가 켜져 있고 저장한 "
        "가중치가 있으면 언제나 on_train_end에서 되돌립니다.",
    "The weights of the best epoch are not put back: in on_train_end call model.set_weights(best_weights), with "
    "snapshots made by model.get_weights() (copies); model.weights holds the live variables, which change with the "
    "model.":
        "최고 에폭의 가중치가 돌아오지 않았습니다. on_train_end에서 model.set_weights(best_weights)를 호출하고, 저장은 "
        "model.get_weights()(복사본)로 하세요. model.weights는 모델과 함께 바뀌는 변수 그 자체입니다.",
    "The weights were put back although restore_best_weights=False.":
        "restore_best_weights=False인데도 가중치를 되돌렸습니다.",
    "The weights are saved only at the first monitored epoch: save them again at every improvement.":
        "가중치를 처음 감시한 에폭에서만 저장했습니다. 개선될 때마다 다시 저장하세요.",
    "The state of the first fit carried over to the second: on_train_begin must reset wait, stopped_epoch, best, "
    "best_weights and best_epoch.":
        "첫 번째 fit의 상태가 두 번째 fit까지 남았습니다. on_train_begin에서 wait, stopped_epoch, best, best_weights, "
        "best_epoch를 초기화하세요.",
    "start_from_epoch is ignored: skip every epoch with epoch < start_from_epoch (epochs count from 0).":
        "start_from_epoch를 무시했습니다. `epoch < start_from_epoch`인 에폭은 모두 건너뛰세요(에폭은 0부터 셉니다).",
    "One epoch too many is skipped: skip the epochs with epoch < start_from_epoch (epochs count from 0), not "
    "epoch <= start_from_epoch.":
        "에폭을 하나 더 건너뛰었습니다. `epoch <= start_from_epoch`가 아니라 `epoch < start_from_epoch`인 에폭만 "
        "건너뛰세요(에폭은 0부터 셉니다).",
    "min_delta is ignored: an improvement must beat best by more than min_delta.":
        "min_delta를 무시했습니다. best보다 min_delta를 넘게 나아져야 개선입니다.",
    "min_delta is applied in the wrong direction: in mode 'min' the test is current + min_delta < best, in mode "
    "'max' current - min_delta > best.":
        "min_delta를 반대 방향으로 적용했습니다. mode 'min'에서는 `current + min_delta < best`, mode 'max'에서는 "
        "`current - min_delta > best`로 판정합니다.",
    "A negative min_delta is used as it is: use its absolute value.":
        "음수 min_delta를 그대로 썼습니다. 절댓값을 쓰세요.",
    "mode 'max' is treated like 'min': in mode 'max' a larger value is an improvement.":
        "mode 'max'를 'min'처럼 처리했습니다. mode 'max'에서는 더 큰 값이 개선입니다.",
    "The monitor's name decided the direction although mode was given: only mode 'auto' looks at the name.":
        "mode를 지정했는데도 monitor 이름으로 방향을 정했습니다. 이름을 보는 것은 mode 'auto'일 때뿐입니다.",
    "mode 'auto' minimized an accuracy: a monitor whose name contains 'acc' (or 'auc') is maximized.":
        "mode 'auto'에서 정확도를 최소화했습니다. 이름에 'acc'(또는 'auc')가 들어간 monitor는 최대화합니다.",
    "A monitor missing from logs raised an exception: warn (warnings.warn) and return instead; that run never "
    "stops early.":
        "logs에 monitor 값이 없을 때 예외가 발생했습니다. 대신 경고(warnings.warn)를 내고 반환하세요. 그런 실행은 일찍 "
        "멈추지 않습니다.",
    "NaN counted as an improvement: every comparison with NaN is False, so NaN never improves on best.":
        "NaN을 개선으로 셌습니다. NaN과의 비교는 모두 False이므로 NaN은 절대 개선이 아닙니다.",
    "A monitor missing from logs gives no warning.": "logs에 monitor 값이 없어도 경고를 내지 않음.",
    "An unknown mode gives no warning.": "알 수 없는 mode에 경고를 내지 않음.",
    "That is Beta({a:num}, {b:num}): `alpha` is not used; pass self.alpha to keras.random.beta.":
        "이것은 Beta({a}, {b})입니다: `alpha`를 쓰지 않았습니다. keras.random.beta에 self.alpha를 넘기세요.",
    "alpha is ignored": "alpha를 무시함",
    # the call, the draws, the seed, the config and the pipeline
    "{name:ident}.call on a dict": "dict에 호출한 {name}.call",
    "{name:ident}.call changed the caller's dict: return a new dict (out = dict(data), then set its entries) and "
    "leave the input as it was.":
        "{name}.call이 호출한 쪽의 dict를 바꿨습니다: 새 dict를 만들어(out = dict(data) 뒤에 항목을 설정) 돌려주고, 입력은 그대로 "
        "두세요.",
    "{name:ident}.call on a dict returned {key:ident} of shape {got:shape}; expected {want:shape}.":
        "dict에 호출한 {name}.call이 돌려준 {key}의 shape가 {got}입니다. 기대한 shape는 {want}입니다.",
    "{name:ident}.call on a tensor": "텐서에 호출한 {name}.call",
    "{name:ident}.call on a tensor of shape {want:shape} returned shape {got:shape}.":
        "shape {want}인 텐서에 호출한 {name}.call의 반환값 shape가 {got}입니다.",
    "{name:ident}.call: the label row of sample {i:num} is {row}, not the mix of two one-hot rows (weights lambda "
    "and 1 - lambda that add up to 1).":
        "{name}.call: 샘플 {i}의 레이블 행이 {row} 값입니다. one-hot 행 두 개를 합이 1인 가중치 lambda와 1 - lambda로 섞은 값이 "
        "아닙니다.",
    "{call} on a dict, `training` omitted": "`training` 없이 dict에 호출한 {call}",
    "Called on a dict, with training=True or without `training`, {call} returned the images unchanged: the layer "
    "does not augment.":
        "dict에 training=True로 호출해도, `training` 없이 호출해도 {call} 레이어가 이미지를 그대로 돌려주었습니다: 레이어가 증강을 "
        "하지 않습니다.",
    "Called on a dict without `training`, {call} returned the images unchanged: these layers augment when "
    "`training` is omitted (call(data, training=True)); only training=False switches them off.":
        "`training` 없이 dict에 호출했더니 {call} 레이어가 이미지를 그대로 돌려주었습니다: 이 레이어들은 `training`을 생략하면 "
        "증강합니다(call(data, training=True)). training=False일 때만 증강하지 않습니다.",
    "no augmentation when training is omitted": "training을 생략하면 증강하지 않음",
    "Two calls of one {name:ident}(seed={seed:num}) layer gave the same output: a seed fixes the sequence of draws, "
    "each call draws anew. An int seed passed to each random op repeats the same draw: pass the layer's "
    "SeedGenerator (self.generator, made once in __init__).":
        "{name}(seed={seed}) 레이어 하나를 두 번 호출했더니 출력이 같았습니다: seed는 뽑는 값의 순서를 정할 뿐, 호출할 때마다 새로 "
        "뽑아야 합니다. 정수 seed를 난수 연산마다 넘기면 같은 값이 반복됩니다: __init__에서 한 번 만든 레이어의 "
        "SeedGenerator(self.generator)를 넘기세요.",
    "an int seed repeats the same draw every call": "정수 seed 때문에 호출할 때마다 같은 값을 뽑음",
    "{call} inside a tf.data map": "tf.data map 안에서 호출한 {call}",
    "A tf.data map over the same batch twice gave {count:num} batches; expected 2.":
        "같은 배치를 두 번 도는 tf.data map에서 배치가 {count}개 나왔습니다. 2개여야 합니다.",
    "Inside a tf.data map (a graph), {call} gave the same images on both passes over one batch: the draw was made "
    "once, when the function was traced (numpy or Python random, or an int seed). Draw with keras.random and the "
    "layer's SeedGenerator.":
        "tf.data map(그래프) 안에서 {call} 레이어가 같은 배치를 두 번 지날 때 같은 이미지를 돌려주었습니다: 함수가 trace될 때 한 번만 "
        "뽑았습니다(numpy나 Python random, 또는 정수 seed). keras.random과 레이어의 SeedGenerator로 뽑으세요.",
    "Two new {name:ident}(seed={seed:num}) layers gave different first outputs: the seed must decide the sequence of "
    "draws. Create keras.random.SeedGenerator(seed) in __init__ (self.generator) and draw every random value from "
    "it.":
        "새로 만든 {name}(seed={seed}) 레이어 두 개의 첫 출력이 서로 다릅니다: seed가 뽑는 값의 순서를 정해야 합니다. __init__에서 "
        "keras.random.SeedGenerator(seed)를 만들고(self.generator) 모든 난수를 거기서 뽑으세요.",
    "{call} and its copy from from_config": "{call} 레이어와 from_config로 만든 복사본",
    "The first output of the layer rebuilt with from_config ({call}; both new, one seed)":
        "from_config로 다시 만든 레이어의 첫 출력({call}; 둘 다 새 레이어, 같은 seed)",
    "Inside a tf.data map, {call} returned images of shape {images:shape} and labels of shape {labels:shape}; "
    "expected {want_images:shape} and {want_labels:shape}.":
        "tf.data map 안에서 {call} 레이어가 돌려준 이미지의 shape는 {images}, 레이블의 shape는 {labels}입니다. 기대한 shape는 "
        "각각 {want_images}, {want_labels}입니다.",
    "Inside a tf.data map (`training` omitted), {call} returned the images unchanged: the layers augment unless "
    "training=False.":
        "tf.data map 안에서(`training` 생략) {call} 레이어가 이미지를 그대로 돌려주었습니다: 이 레이어들은 training=False가 아니면 "
        "증강합니다.",
    "Inside a tf.data map, {call} changed the labels: RandomErasing passes them unchanged.":
        "tf.data map 안에서 {call} 레이어가 레이블을 바꿨습니다: RandomErasing은 레이블을 그대로 통과시킵니다.",
    "Inside a tf.data map, {call} returned the labels unchanged: mix them with the same draw as the images.":
        "tf.data map 안에서 {call} 레이어가 레이블을 그대로 돌려주었습니다: 이미지를 섞은 값 그대로 레이블도 섞으세요.",
    "Inside a tf.data map, {call} returned labels that are not mixed rows adding up to 1 (row sums {sums}).":
        "tf.data map 안에서 {call} 레이어가 돌려준 레이블이 합이 1인 섞인 행이 아닙니다(행의 합 {sums}).",
    "A Sequential model holding {call}": "{call} 레이어를 담은 Sequential 모델",
    "A Sequential model holding {call}, called with training=False as predict and evaluate call it, changed its "
    "input: with training=False the images pass unchanged.":
        "{call} 레이어를 담은 Sequential 모델을 predict와 evaluate처럼 training=False로 호출했는데 입력이 바뀌었습니다: "
        "training=False이면 이미지는 그대로 통과합니다.",
    "After a .keras save and load, the model holding {call} changed its input with training=False.":
        ".keras로 저장했다가 불러온 뒤, {call} 레이어를 담은 모델이 training=False에서 입력을 바꿨습니다.",
    "{name:ident}.get_random_transformation on a batch of {n:num}":
        "크기 {n}인 배치에 대한 {name}.get_random_transformation",
    "{who:text}: permutation_order holds {size:num} values; expected one partner index per sample.":
        "{who}: permutation_order 값이 {size}개입니다. 샘플마다 짝의 인덱스가 하나씩 있어야 합니다.",
    "{who:text}: permutation_order repeats indices, so {missing:num} of the {n:num} samples are nobody's partner: "
    "draw a permutation, keras.random.shuffle(ops.arange(B)), not random integers.":
        "{who}: permutation_order에 같은 인덱스가 반복되어 샘플 {n}개 중 {missing}개는 누구의 짝도 되지 못합니다: 무작위 정수가 "
        "아니라 순열을 뽑으세요(keras.random.shuffle(ops.arange(B))).",
    "partners drawn with replacement": "짝을 복원 추출로 뽑음",
    "{who:text}: permutation_order (dtype {dtype:num}) is not a permutation of the integers 0 .. B-1.":
        "{who}: permutation_order(dtype {dtype})가 정수 0 .. B-1의 순열이 아닙니다.",
    "{who:text}: permutation_order is 0, 1, 2, ...: every sample is mixed with itself, so nothing changes. Shuffle "
    "the indices with keras.random.shuffle.":
        "{who}: permutation_order가 0, 1, 2, ...입니다: 모든 샘플이 자기 자신과 섞이므로 아무것도 바뀌지 않습니다. "
        "keras.random.shuffle로 인덱스를 섞으세요.",
    "{who:text}: permutation_order is the batch reversed (x[::-1]): draw a random permutation with "
    "keras.random.shuffle.":
        "{who}: permutation_order가 뒤집은 배치(x[::-1])입니다: keras.random.shuffle로 무작위 순열을 뽑으세요.",
    "partners are the reversed batch": "짝이 뒤집은 배치",
    "{who:text}: permutation_order is a cyclic shift of the batch, not a random permutation: draw it with "
    "keras.random.shuffle.":
        "{who}: permutation_order가 무작위 순열이 아니라 배치를 순환 이동한 것입니다: keras.random.shuffle로 뽑으세요.",
    "{call} was accepted: `factor` and `scale` must be a number or a pair of numbers in [0, 1]; raise ValueError "
    "otherwise (see _factor_range).":
        "{call} 호출이 그대로 받아들여졌습니다: `factor`와 `scale`은 [0, 1] 범위의 숫자 하나나 숫자 두 개의 쌍이어야 합니다. "
        "그렇지 않으면 ValueError를 발생시키세요(_factor_range 참고).",
    "{call} raised {kind:ident}; raise ValueError for invalid arguments (see _factor_range).":
        "{call} 호출에서 {kind} 예외가 발생했습니다: 잘못된 인자에는 ValueError를 발생시키세요(_factor_range 참고).",
    # MixUp.call
    "MixUp.call on a dict mixed the images but returned the labels unchanged: mix the labels with the same draw "
    "(transform_labels with the same transformation).":
        "dict에 호출한 MixUp.call이 이미지는 섞었지만 레이블은 그대로 돌려주었습니다: 같은 변환으로 transform_labels를 호출해 "
        "레이블도 같은 값으로 섞으세요.",
    "labels not mixed": "레이블을 섞지 않음",
    "MixUp.call on a dict: image {i:num} is not the mix its label shows (weight {own:num} on itself, {other:num} on "
    "sample {j:num}).":
        "dict에 호출한 MixUp.call: 이미지 {i}의 섞인 모양이 레이블과 다릅니다(레이블로는 자신에게 {own}, 샘플 {j}에 {other} "
        "가중치).",
    "The labels were mixed with other partners than the images: draw once (get_random_transformation) and give that "
    "transformation to both transform_images and transform_labels.":
        "레이블을 이미지와 다른 짝과 섞었습니다: 한 번만 뽑고(get_random_transformation) 그 변환을 transform_images와 "
        "transform_labels에 똑같이 넘기세요.",
    "labels mixed with another draw": "레이블을 이미지와 따로 뽑은 값으로 섞음",
    "The labels were mixed with other weights than the images: draw once and give the same transformation to both.":
        "레이블을 이미지와 다른 가중치로 섞었습니다: 한 번만 뽑고 같은 변환을 둘 다에 넘기세요.",
    # CutMix, hidden
    "{who:text}: mix_weight is a multiple of 1 / (H W) for {share:num} of the samples.":
        "{who}: 샘플의 {share}에서 mix_weight가 1 / (H W)의 배수입니다.",
    "CutMix(factor=({low:num}, {high:num})).get_random_transformation on a batch of {n:num}":
        "크기 {n}인 배치에 대한 CutMix(factor=({low}, {high})).get_random_transformation",
    "{who:text}: mix_weight has mean {mean:num} and variance {var:num}; with lambda ~ Beta({a:num}, {b:num}) and a "
    "box covering 1 - lambda of the image it has mean 0.5 (± {mean_bound:num}) and variance {want:num} "
    "(± {var_bound:num}).":
        "{who}: mix_weight의 평균은 {mean}, 분산은 {var}입니다. lambda ~ Beta({a}, {b})이고 상자가 이미지의 1 - lambda만큼을 "
        "덮으면 평균은 0.5(± {mean_bound}), 분산은 {want}(± {var_bound})입니다.",
    "That is 1 - lambda^2: the box sides are lambda W and lambda H; the side ratio is sqrt(1 - lambda), so that the "
    "box covers 1 - lambda of the image.":
        "이것은 1 - lambda^2입니다: 상자의 변이 lambda W와 lambda H입니다. 변의 비율이 sqrt(1 - lambda)여야 상자가 이미지의 "
        "1 - lambda만큼을 덮습니다.",
    "That is U(0, 1): draw lambda from Beta(alpha, alpha) with keras.random.beta, alpha drawn from U(factor).":
        "이것은 U(0, 1)입니다: U(factor)에서 뽑은 alpha로 keras.random.beta를 써서 Beta(alpha, alpha)에서 lambda를 뽑으세요.",
    "CutMix.call on a dict pasted boxes into the images but returned the labels unchanged: mix the labels with the "
    "same draw (transform_labels with the same transformation).":
        "dict에 호출한 CutMix.call이 이미지에는 상자를 붙였지만 레이블은 그대로 돌려주었습니다: 같은 변환으로 transform_labels를 "
        "호출해 레이블도 같은 값으로 섞으세요.",
    "CutMix.call: in image {i:num} some channels of the pasted pixels were kept: paste on every channel.":
        "CutMix.call: 이미지 {i}에서 붙여 넣은 픽셀의 일부 채널이 원래 값으로 남았습니다: 모든 채널에 붙여 넣으세요.",
    "CutMix.call: the pixels changed in image {i:num} do not form one rectangle.":
        "CutMix.call: 이미지 {i}에서 바뀐 픽셀이 직사각형 하나를 이루지 않습니다.",
    "CutMix.call: the box pasted into image {i:num} holds pixels of no image of the batch: paste the partner's "
    "pixels unchanged.":
        "CutMix.call: 이미지 {i}에 붙인 상자의 픽셀이 배치의 어느 이미지에서도 오지 않았습니다: 짝의 픽셀을 그대로 붙여 넣으세요.",
    "CutMix.call: image {i:num} got a box from sample {source:num} but its label was mixed with sample "
    "{partner:num}: draw once (get_random_transformation) and give that transformation to both transform_images "
    "and transform_labels.":
        "CutMix.call: 이미지 {i}에는 샘플 {source}의 상자가 붙었는데 레이블은 샘플 {partner}의 레이블과 섞였습니다: 한 번만 "
        "뽑고(get_random_transformation) 그 변환을 transform_images와 transform_labels에 똑같이 넘기세요.",
    "CutMix.call: the label of image {i:num} gives its partner a share {share:num} of the image, but the box pasted "
    "into it covers {rows:num} rows and {cols:num} columns of {height:num} x {width:num}: the label weight of the "
    "partner is the box area over H W.":
        "CutMix.call: 이미지 {i}의 레이블은 짝에게 이미지의 {share} 비율을 주는데, 붙여 넣은 상자는 {height} x {width} 중 행 "
        "{rows}개, 열 {cols}개를 덮습니다: 짝의 레이블 가중치는 상자 넓이를 H W로 나눈 값입니다.",
    # RandomErasing, hidden
    "RandomErasing.transform_labels on the given transformation": "주어진 변환에 대한 RandomErasing.transform_labels",
    "RandomErasing.transform_labels changed the labels: erasing keeps the label, return it unchanged.":
        "RandomErasing.transform_labels가 레이블을 바꿨습니다: 지우기는 레이블을 바꾸지 않으니 그대로 돌려주세요.",
    "RandomErasing.call on a dict": "dict에 호출한 RandomErasing.call",
    "RandomErasing.call on a dict changed the labels: erasing keeps the label, return it unchanged.":
        "dict에 호출한 RandomErasing.call이 레이블을 바꿨습니다: 지우기는 레이블을 바꾸지 않으니 그대로 돌려주세요.",
    "{call} left image {i:num} unchanged: with factor=(1.0, 1.0) every image is erased.":
        "{call} 호출에서 {i}번 이미지가 바뀌지 않았습니다: factor=(1.0, 1.0)이면 모든 이미지를 지웁니다.",
    "{call}: in image {i:num} some channels of the erased pixels were kept: erase on every channel.":
        "{call}: 이미지 {i}에서 지운 픽셀의 일부 채널이 원래 값으로 남았습니다: 모든 채널에서 지우세요.",
    "{call}: the pixels erased in image {i:num} do not form one rectangle.":
        "{call}: 이미지 {i}에서 지운 픽셀이 직사각형 하나를 이루지 않습니다.",
    "{call}: the box erased in image {i:num} covers {rows:num} rows and {cols:num} columns of {height:num} x "
    "{width:num}; the default scale=(0.02, 0.33) allows {low_cols:num} to {high_cols:num} columns and "
    "{low_rows:num} to {high_rows:num} rows (±1 pixel).":
        "{call}: 이미지 {i}에서 지운 상자가 {height} x {width} 중 행 {rows}개, 열 {cols}개를 덮습니다. 기본값 scale=(0.02, 0.33)은 "
        "열 {low_cols}~{high_cols}개, 행 {low_rows}~{high_rows}개(±1픽셀)를 허용합니다.",
    "{call}: image {i:num} was erased with values from {low:num} to {high:num}, outside the default value_range "
    "(0, 255): clip the fill to value_range.":
        "{call}: {i}번 이미지를 {low}부터 {high}까지의 값으로 지웠는데, 기본 value_range (0, 255)를 벗어납니다: 채우는 값을 "
        "value_range로 자르세요.",
    "fill not clipped to value_range": "채우는 값을 value_range로 자르지 않음",
    "RandomErasing(fill_value=None, value_range=({low:num}, {high:num}))":
        "RandomErasing(fill_value=None, value_range=({low}, {high}))",
    "{who:text}: the fill has shape {got:shape}; expected {want:shape}, the images' shape: one noise value per pixel "
    "and channel.":
        "{who}: 채우는 값의 shape가 {got}입니다. 기대한 shape는 이미지와 같은 {want}입니다: 픽셀과 채널마다 노이즈 값이 하나씩 "
        "있어야 합니다.",
    "{who:text}: the fill holds NaN or infinite values.": "{who}: 채우는 값에 NaN 또는 무한대가 있습니다.",
    "{who:text}: the fill runs from {low:num} to {high:num}, outside value_range: clip it to value_range (ops.clip).":
        "{who}: 채우는 값이 {low}부터 {high}까지로 value_range를 벗어납니다: value_range로 자르세요(ops.clip).",
    "{who:text}: {at_low:num} of the fill sits at {low:num} and {at_high:num} at {high:num}; N(0, 1) * {scale:num} "
    "clipped to value_range puts {want_low:num} (± {bound_low:num}) and {want_high:num} (± {bound_high:num}) there.":
        "{who}: 채우는 값의 {at_low} 비율이 {low}, {at_high} 비율이 {high} 값입니다. N(0, 1) * {scale} 값을 value_range로 자르면 "
        "그 비율이 각각 {want_low}(± {bound_low}), {want_high}(± {bound_high})입니다.",
    "The noise is not scaled: fill with keras.random.normal(shape) * value_range[1], then clip.":
        "노이즈의 크기를 조정하지 않았습니다: keras.random.normal(shape) * value_range[1]로 채운 뒤 자르세요.",
    "fill noise not scaled by value_range[1]": "채우는 노이즈에 value_range[1]을 곱하지 않음",
    "{who}: the fill is {value:num}, outside value_range (0, 255); expected {want:num}: clip the constant to "
    "value_range too.":
        "{who}: 채우는 값이 value_range (0, 255) 밖의 {value} 값입니다. 기대값은 {want}입니다: 상수도 value_range로 자르세요.",
    "{who}: the fill holds {values}; expected the constant {want:num} everywhere.":
        "{who}: 채우는 값이 {values} 값입니다. 모든 곳이 상수 {want} 값이어야 합니다.",
    # the _box_masks helper
    "_box_masks returned shape {got:shape} for {shape:shape}; expected {want:shape}: one mask value per pixel and "
    "channel.":
        "_box_masks가 {shape}에 대해 돌려준 shape가 {got}입니다. 기대한 shape는 {want}입니다: 픽셀과 채널마다 마스크 값이 하나씩 "
        "있어야 합니다.",
    "_box_masks on given corners differs from the rule x0 <= column < x1, y0 <= row < y1 at {count:num} of "
    "{size:num} values (the first: sample {i:num}, row {row:num}, column {column:num}: expected {want:num}, got "
    "{got:num}).":
        "주어진 모서리에 대한 _box_masks 결과가 규칙 x0 <= 열 < x1, y0 <= 행 < y1과 값 {size}개 중 {count}개에서 다릅니다(첫 번째: "
        "샘플 {i}, 행 {row}, 열 {column}: 기대값 {want}, 실제 값 {got}).",
    "The far edge was included (<= x1): the box holds x0 <= column < x1, so a box from 1 to 4 covers columns 1, 2 "
    "and 3.":
        "먼 쪽 경계를 포함했습니다(<= x1): 상자는 x0 <= 열 < x1이므로 1부터 4까지인 상자는 열 1, 2, 3을 덮습니다.",
    "far edge of the box included": "상자의 먼 쪽 경계를 포함함",
    "The mask is on the first channel only: repeat it over the channels.":
        "마스크가 첫 번째 채널에만 있습니다: 채널 방향으로 반복하세요.",
    # probes
    "model(x, training=False)": "model(x, training=False) 호출",
    # --- checks/losses.py
    "The gradient of the mean loss w.r.t. y_pred": "y_pred에 대한 평균 loss의 그래디언트",
    "get_config() misses {key}: return every constructor argument, merged with super().get_config().":
        "get_config()에 {key} 키가 없습니다: 생성자 인자를 모두 super().get_config()와 합쳐서 반환하세요.",
    "get_config()[{key}] is {got}; expected {want}.": "get_config()[{key}] 값이 {got}입니다. 기대값은 {want}입니다.",
    "The loss rebuilt with from_config": "from_config로 다시 만든 loss",
    "The per-sample losses inside tf.function, compared with the same call run eagerly,":
        "tf.function 안에서 계산한 샘플별 loss를 같은 호출의 eager 실행 결과와 비교한 결과",
    "model.evaluate's loss with the loss compiled in": "이 loss로 compile한 모델에서 model.evaluate가 낸 loss",
    "A training step with the loss compiled in gave the loss {loss:num}.":
        "이 loss로 compile한 모델로 학습 스텝을 돌렸더니 loss가 {loss}입니다.",
    "The kernel after one SGD step on the loss": "이 loss로 SGD 스텝을 한 번 밟은 뒤의 kernel",
    # --- probes/losses.py
    "the kernel after one step": "스텝 한 번 뒤의 kernel",
    # --- checks/sparsity.py
    "The penalty's gradient is NaN where the input is exactly 0: sqrt(x**2) has no gradient at 0; use keras.ops.abs.":
        "입력이 정확히 0인 곳에서 페널티의 그래디언트가 NaN입니다: sqrt(x**2)는 0에서 그래디언트가 없습니다. "
        "keras.ops.abs를 쓰세요.",
    "The penalty's gradient w.r.t. the input": "입력에 대한 페널티의 그래디언트",
    "After 1, 2 and 3 calls layer.losses holds {counts} entries; expected [1, 1, 1]: add the penalty with "
    "self.add_loss in call() (Keras clears the list at each call), not to a list of your own.":
        "1번, 2번, 3번 호출한 뒤 layer.losses의 항목 개수가 {counts}입니다. [1, 1, 1]이어야 합니다: 페널티는 직접 만든 "
        "리스트에 넣지 말고 call()에서 self.add_loss로 더하세요(Keras는 호출할 때마다 이 리스트를 비웁니다).",
    "The penalty after the third call": "세 번째 호출 뒤의 페널티",
    "model.evaluate's total loss (mse plus the activity penalty)": "model.evaluate의 전체 loss(mse + activity 페널티)",
    "One training step gave non-finite weights (first {value:num}).":
        "학습 스텝을 한 번 돌렸더니 가중치가 유한하지 않습니다(첫 번째 값 {value}).",
    "The first kernel after one SGD step (its gradient includes the penalty's)":
        "SGD 스텝 한 번 뒤의 첫 번째 kernel(그래디언트에 페널티의 그래디언트가 포함됨)",
    # --- probes/sparsity.py
    "the first kernel after one step": "스텝 한 번 뒤의 첫 번째 kernel",
    # --- checks/adversarial.py: mistakes of the training step
    "It matches alpha and 1 - alpha swapped: alpha weights the CLEAN loss, 1 - alpha the adversarial one.":
        "alpha와 1 - alpha를 뒤바꾼 결과와 같습니다: alpha는 원본(CLEAN) 입력의 loss에, 1 - alpha는 적대적 예제의 loss에 "
        "곱합니다.",
    "It matches a step on the clean loss alone: the adversarial term is missing.":
        "원본 입력의 loss만으로 밟은 스텝과 같습니다: 적대적 예제 항이 빠졌습니다.",
    "It matches a step on the adversarial loss alone: the clean term is missing.":
        "적대적 예제의 loss만으로 밟은 스텝과 같습니다: 원본 입력 항이 빠졌습니다.",
    "It matches L(x) + L(x_adv) without the weights: use alpha * L(x) + (1 - alpha) * L(x_adv).":
        "가중치 없이 더한 L(x) + L(x_adv)와 같습니다: alpha * L(x) + (1 - alpha) * L(x_adv)를 쓰세요.",
    "It matches alpha on both terms: the adversarial term is weighted by 1 - alpha.":
        "두 항 모두에 alpha를 곱한 결과와 같습니다: 적대적 예제 항에는 1 - alpha를 곱합니다.",
    # --- checks/adversarial.py: a step's label is code ("epsilon=0.1, alpha=0.5")
    "One training step of AdversarialModel ({label}) raised an error: {error}":
        "AdversarialModel의 학습 스텝 한 번({label})에서 오류가 발생했습니다: {error}",
    "After a step ({label}) the inner network has {got:num} weights; expected {want:num}.":
        "스텝 한 번({label}) 뒤 내부 네트워크의 가중치가 {got}개입니다. {want}개여야 합니다.",
    "The inner network's weights after one SGD(0.1) step ({label})": "SGD(0.1) 스텝 한 번({label}) 뒤 내부 네트워크의 가중치",
    "model.fit logged {logs} ({label}): return the metrics' results, \"loss\" included.":
        "model.fit이 기록한 항목이 {logs}입니다({label}): \"loss\"를 포함해 metric들의 결과를 돌려주세요.",
    "The logged loss ({label}), the mixed loss alpha*L(x) + (1-alpha)*L(x_adv) before the step":
        "기록된 loss({label}), 곧 스텝 전의 섞은 loss alpha*L(x) + (1-alpha)*L(x_adv)",
    "model.fit logged {logs} ({label}); expected {want}: update every metric of self.metrics and return their results.":
        "model.fit이 기록한 항목이 {logs}입니다({label}). 기대한 항목은 {want}입니다: self.metrics의 metric을 모두 갱신하고 "
        "그 결과를 돌려주세요.",
    "The logged {name:ident} ({label})": "기록된 {name} 값({label})",
    "AdversarialModel(...)(x) compared with the inner network's output":
        "AdversarialModel(...)(x)의 출력을 내부 네트워크의 출력과 비교한 결과",
    "AdversarialModel.predict compared with the inner network's output":
        "AdversarialModel.predict의 결과를 내부 네트워크의 출력과 비교한 결과",
    # --- probes/adversarial.py
    "the inner network": "내부 네트워크",
    "It matches a clean term that carries the network's own losses (its activity penalty) of the ADVERSARIAL "
    "forward pass: each forward pass replaces model.losses, so compute each term's loss right after its own "
    "pass.":
        "깨끗한 입력 항에 적대적 입력의 순전파에서 생긴 네트워크 자체 손실(활동 페널티)이 들어간 결과와 같습니다: "
        "순전파를 할 때마다 model.losses가 바뀌므로, 각 항의 손실은 그 항의 순전파 바로 뒤에 계산하세요.",
    # END HIDDEN
}

STRUCTURAL = {
    # checks
    "loss {label:text}": "{label} loss",
    "loss is {label:text}": "{label} loss",
    "network {label:text}": "{label}",
    "network is {label:text}": "{label}",
}
