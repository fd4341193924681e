"""Korean check names and feedback of the optimization assignment (see grader/i18n/ko.py for the
conventions). Entries of hidden checks sit in ``# BEGIN HIDDEN`` regions, stripped from the student bundle.
"""

from __future__ import annotations

CHECK_NAMES = {
    # optimizers
    # SGD
    "SGD without momentum: w <- w - lr * g": "momentum 없는 SGD: w <- w - lr * g",
    "momentum: m <- momentum * m - lr * g, then w <- w + m": "momentum: m <- momentum * m - lr * g, 그다음 w <- w + m",
    "Nesterov momentum: w <- w + momentum * m - lr * g, with the new m":
        "Nesterov momentum: 새로 구한 m으로 w <- w + momentum * m - lr * g",
    # the four optimizers
    "inside tf.function: the same trajectory as eagerly": "tf.function 안에서도 eager 실행과 같은 궤적",
    # Adagrad
    "Adagrad: a <- a + g ** 2 from 0.1, w <- w - lr * g / sqrt(a + epsilon)":
        "Adagrad: 0.1에서 시작하는 a <- a + g ** 2, w <- w - lr * g / sqrt(a + epsilon)",
    "initial_accumulator_value sets where the accumulator starts": "initial_accumulator_value가 누적값의 시작값을 정함",
    # RMSprop
    "RMSprop: v <- rho * v + (1 - rho) * g ** 2, w <- w - lr * g / sqrt(v + epsilon)":
        "RMSprop: v <- rho * v + (1 - rho) * g ** 2, w <- w - lr * g / sqrt(v + epsilon)",
    "RMSprop with momentum: mom <- momentum * mom + lr * g / sqrt(v + epsilon), w <- w - mom":
        "momentum을 쓰는 RMSprop: mom <- momentum * mom + lr * g / sqrt(v + epsilon), w <- w - mom",
    # Adam
    "Adam with the default arguments": "기본 인자로 만든 Adam",
    "Adam with other beta_1 and beta_2": "다른 beta_1, beta_2 값으로 만든 Adam",
    # init_search
    # GlorotUniform and compute_fans
    "compute_fans of a Dense and a Conv2D kernel": "Dense 커널과 Conv2D 커널의 compute_fans",
    "a Dense kernel: values ~ U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out))":
        "Dense 커널: 값 ~ U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out))",
    # GlorotUniform and HeNormal
    "an int seed gives the same values on every call": "정수 seed를 주면 호출할 때마다 같은 값",
    # HeNormal
    "a Dense kernel: standard deviation sqrt(2 / fan_in), mean 0": "Dense 커널: 표준편차 sqrt(2 / fan_in), 평균 0",
    "a Dense kernel: truncated at 2 stddev (nothing beyond, a truncated normal's kurtosis)":
        "Dense 커널: 2 stddev에서 절단(그 밖의 값 없음, 절단 정규분포의 첨도)",
    # sample_hyperparameters
    "returns n dicts of floats, the names in the order of `ranges`": "float 값 dict n개를 `ranges`의 이름 순서대로 반환",
    "every value lies in its range": "모든 값이 자기 범위 안에 있음",
    "log-uniform: log10 of the values is uniform in (log10 low, log10 high), every decade alike":
        "로그 균등: 값의 log10이 (log10 low, log10 high)에서 균등하고, 모든 자릿수 구간이 같은 비율",
    "a seed reproduces the draws; another seed draws others": "같은 seed는 같은 값을, 다른 seed는 다른 값을 뽑음",
    # narrow
    "keeps the `keep` best results (largest scores): the smallest and largest of their values":
        "가장 좋은(점수가 가장 큰) 결과 `keep`개의 최솟값과 최댓값",
    "keep=1: half a decade on each side of the best value": "keep=1: 가장 좋은 값의 양쪽으로 반 자릿수씩",
    "returns a new dict name -> (low, high) with low <= high, in the order of `ranges`":
        "`ranges`의 순서대로 이름 -> (low, high), low <= high인 새 dict를 반환",
    # BEGIN HIDDEN
    "a learning-rate schedule: m keeps each step's own learning rate":
        "학습률 스케줄: m에는 각 스텝이 그때의 학습률로 들어감",
    "epsilon=0.01: inside the square root, as Keras": "epsilon=0.01: Keras처럼 제곱근 안에 더함",
    "centered=True divides by sqrt(v - gbar ** 2 + epsilon)": "centered=True이면 sqrt(v - gbar ** 2 + epsilon)으로 나눔",
    "epsilon=0.01: Keras's epsilon-hat form, not the textbook's": "epsilon=0.01: 교과서 식이 아니라 Keras의 epsilon-hat 식",
    "amsgrad=True: vhat <- max(vhat, v), the step divided by sqrt(vhat) + epsilon":
        "amsgrad=True: vhat <- max(vhat, v), 스텝은 sqrt(vhat) + epsilon으로 나눔",
    "momentum < 0 raises ValueError": "momentum < 0이면 ValueError 발생",
    "weight_decay: decoupled, applied by the base class": "weight_decay: 기본 클래스가 적용하는 분리된(decoupled) 감쇠",
    "slots: one per variable and state; iterations: one per apply() call":
        "슬롯: 변수와 상태마다 하나씩, iterations: apply() 호출마다 1씩",
    "model.fit trains a Dense layer to the reference's weights": "model.fit으로 학습한 Dense 레이어가 정답 코드와 같은 가중치에 도달",
    ".keras save and load restore the optimizer: class, iterations, slots, arguments":
        ".keras 저장·불러오기로 옵티마이저 복원: 클래스, iterations, 슬롯, 인자",
    # GlorotUniform and compute_fans
    "compute_fans of 0-d, 1-d, Conv1D, Conv3D and 1x1 kernels, as two ints":
        "0차원, 1차원, Conv1D, Conv3D, 1x1 커널의 compute_fans를 두 정수로 반환",
    "a Conv2D kernel: both fans include the receptive field": "Conv2D 커널: 두 fan 모두 수용 영역을 곱함",
    # GlorotUniform and HeNormal
    "dtype='float64' gives float64 values": "dtype='float64'이면 float64 값",
    "two instances with one seed agree; another seed differs": "같은 seed의 두 인스턴스는 같은 값, 다른 seed는 다른 값",
    "get_config / from_config keeps the seed": "get_config / from_config가 seed를 유지",
    "works as a Dense kernel_initializer, also after .keras save and load":
        "Dense의 kernel_initializer로 동작하고 .keras 저장·불러오기 뒤에도 동작",
    # HeNormal
    "a Conv2D kernel: fan_in includes the receptive field": "Conv2D 커널: fan_in에 수용 영역을 곱함",
    "Conv1D and Conv3D kernels": "Conv1D와 Conv3D 커널",
    # sample_hyperparameters
    "the parameters are drawn independently": "파라미터마다 독립적으로 뽑음",
    "seed=None draws anew on each call": "seed=None이면 호출할 때마다 새로 뽑음",
    "n=1 and a single parameter": "n=1과 파라미터 하나",
    "n < 1 raises ValueError": "n < 1이면 ValueError 발생",
    "a range with low >= high raises ValueError naming the parameter": "low >= high인 범위에는 파라미터 이름을 밝힌 ValueError 발생",
    "a bound <= 0 raises ValueError naming the parameter": "0 이하인 경계에는 파라미터 이름을 밝힌 ValueError 발생",
    # narrow
    "ties are broken by the order of `results`": "동점은 `results`의 순서대로 처리",
    "keep larger than the number of results keeps them all": "keep이 결과 수보다 크면 결과를 모두 씀",
    "never outside the old range": "기존 범위를 벗어나지 않음",
    "equal values of one parameter: half a decade around them": "한 파라미터의 값이 모두 같으면 그 값 양쪽으로 반 자릿수씩",
    "keep < 1, no results or a bad range raise ValueError": "keep < 1, 빈 결과, 잘못된 범위에는 ValueError 발생",
    "momentum under a learning-rate schedule: mom keeps each step's own learning rate":
        "학습률 스케줄에서의 모멘텀: mom에는 각 스텝의 학습률이 그대로 남음",
    # END HIDDEN
}

MESSAGES = {
    "It matches PyTorch's momentum, mom <- momentum * mom + g / denominator, then w <- w - lr "
    "* mom: the same for a constant learning rate, but under a schedule Keras keeps each "
    "step's learning rate inside mom (mom <- momentum * mom + lr * g / denominator).":
        "PyTorch 방식의 모멘텀(mom <- momentum * mom + g / denominator, 그다음 w <- w - lr * mom)과 같습니다: "
        "학습률이 일정하면 결과가 같지만, 스케줄을 쓰면 Keras는 각 스텝의 학습률을 mom 안에 그대로 남깁니다"
        "(mom <- momentum * mom + lr * g / denominator).",
    # optimizers
    # --- probes/optimizers.py: levels of the declared spaces; constructor arguments are code, as they are
    "default arguments": "기본 인자",
    "momentum=0.9, nesterov=True": "momentum=0.9, nesterov=True",
    "learning_rate=ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5), momentum=0.9":
        "learning_rate=ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5), momentum=0.9",
    "momentum=0.9, weight_decay=0.1": "momentum=0.9, weight_decay=0.1",
    "learning_rate=0.1, initial_accumulator_value=0.5": "learning_rate=0.1, initial_accumulator_value=0.5",
    "learning_rate=0.1, epsilon=0.01": "learning_rate=0.1, epsilon=0.01",
    "learning_rate=0.1, weight_decay=0.1": "learning_rate=0.1, weight_decay=0.1",
    "learning_rate=0.01, rho=0.5": "learning_rate=0.01, rho=0.5",
    "learning_rate=0.01, momentum=0.9": "learning_rate=0.01, momentum=0.9",
    "learning_rate=0.01, centered=True": "learning_rate=0.01, centered=True",
    "learning_rate=0.01, epsilon=0.01": "learning_rate=0.01, epsilon=0.01",
    "learning_rate=0.01, weight_decay=0.1": "learning_rate=0.01, weight_decay=0.1",
    "learning_rate=0.01, beta_1=0.5, beta_2=0.9": "learning_rate=0.01, beta_1=0.5, beta_2=0.9",
    "learning_rate=0.01, beta_2=0.9, amsgrad=True": "learning_rate=0.01, beta_2=0.9, amsgrad=True",
    "learning_rate=0.01, beta_2=0.9, weight_decay=0.1": "learning_rate=0.01, beta_2=0.9, weight_decay=0.1",
    "apply() eagerly": "eager로 호출한 apply()",
    "apply() inside tf.function": "tf.function 안에서 호출한 apply()",
    "a variable after apply()": "apply() 뒤의 변수",
    # --- checks/optimizers.py: what is compared
    "Variable {k:num} of 3, shape {shape:shape}, after step {step:num} of {steps:num}":
        "변수 3개 중 {k}번째(shape {shape})의 {step}번째 스텝 뒤 값(전체 {steps}스텝)",
    "Inside tf.function, variable {k:num} of 3, shape {shape:shape}, after step {step:num} of {steps:num}, compared "
    "with the same calls run eagerly,":
        "tf.function 안에서 변수 3개 중 {k}번째(shape {shape})의 {step}번째 스텝 뒤 값(전체 {steps}스텝)을 같은 호출의 "
        "eager 실행 결과와 비교한 결과",
    "The probe read values of shapes {got}; expected {want}: apply() must update each variable in place, keeping its "
    "shape.":
        "읽어 온 값의 shape가 {got}입니다. 기대한 shape는 {want}입니다: apply()는 각 변수를 shape를 유지한 채 제자리에서 "
        "갱신해야 합니다.",
    "apply() leaves the variables unchanged: nothing is computed yet, so none of the checks count.":
        "apply()를 호출해도 변수가 바뀌지 않습니다: 아직 아무것도 계산하지 않으므로 검사는 하나도 점수로 인정되지 않습니다.",
    # --- checks/optimizers.py: mistakes
    "It matches one slot shared by the two variables of shape (3,): make one slot per variable with "
    "self.add_optimizer_variables(variables, name) and find a variable's own with self._get_variable_index(variable).":
        "shape (3,)인 두 변수가 슬롯 하나를 같이 쓴 결과와 같습니다: self.add_optimizer_variables(variables, name)로 변수마다 "
        "슬롯을 하나씩 만들고, 각 변수의 슬롯은 self._get_variable_index(variable)로 찾으세요.",
    "It matches plain momentum, w <- w + m, which is also the Nesterov step taken with the OLD m: with nesterov=True "
    "update m first, m <- momentum * m - lr * g, then w <- w + momentum * m - lr * g with the NEW m.":
        "일반 momentum(w <- w + m)과 같습니다. 이는 이전(OLD) m으로 Nesterov 스텝을 밟은 결과이기도 합니다: nesterov=True이면 "
        "먼저 m <- momentum * m - lr * g로 m을 갱신하고, 그 새(NEW) m으로 w <- w + momentum * m - lr * g를 계산하세요.",
    "It matches w <- w + momentum * m without the - lr * g term: the Nesterov step is w <- w + momentum * m - lr * g, "
    "with the new m.":
        "- lr * g 항이 빠진 w <- w + momentum * m과 같습니다: Nesterov 스텝은 새로 구한 m으로 w <- w + momentum * m - lr * g입니다.",
    "It matches plain SGD, w <- w - lr * g: the momentum is not used. Keep one slot m per variable: m <- momentum * "
    "m - lr * g, then w <- w + m.":
        "일반 SGD(w <- w - lr * g)와 같습니다: momentum을 쓰지 않았습니다. 변수마다 슬롯 m을 하나씩 두고 m <- momentum * m - lr * g, "
        "그다음 w <- w + m으로 계산하세요.",
    "It matches w <- w - m with m <- momentum * m - lr * g: m already holds the step, minus sign included, so add it: "
    "w <- w + m.":
        "m <- momentum * m - lr * g로 구한 m을 w <- w - m으로 뺀 결과와 같습니다: m에는 이미 부호(-)까지 포함된 스텝이 들어 있으므로 "
        "w <- w + m으로 더하세요.",
    "It matches momentum as a moving average, m <- momentum * m - (1 - momentum) * lr * g: Keras's m <- momentum * m - "
    "lr * g has no (1 - momentum) factor.":
        "momentum을 이동 평균 m <- momentum * m - (1 - momentum) * lr * g로 계산한 결과와 같습니다: Keras의 m <- momentum * m - "
        "lr * g에는 (1 - momentum) 인수가 없습니다.",
    "It matches an accumulator that starts at 0: Keras fills it with initial_accumulator_value (0.1 by default), "
    "add_optimizer_variables(..., initializer=keras.initializers.Constant(...)).":
        "누적값을 0에서 시작한 결과와 같습니다: Keras는 누적값을 initial_accumulator_value(기본값 0.1)로 채웁니다: "
        "add_optimizer_variables(..., initializer=keras.initializers.Constant(...)).",
    "It matches a step divided by the accumulator BEFORE g ** 2 is added: add g ** 2 first, then divide by sqrt(a + "
    "epsilon).":
        "g ** 2를 더하기 전(BEFORE)의 누적값으로 나눈 스텝과 같습니다: 먼저 g ** 2를 더한 다음 sqrt(a + epsilon)으로 나누세요.",
    "It matches a division by a + epsilon without the square root: divide by sqrt(a + epsilon).":
        "제곱근 없이 a + epsilon으로 나눈 결과와 같습니다: sqrt(a + epsilon)으로 나누세요.",
    "It matches an accumulator that starts at 0.1 whatever initial_accumulator_value says: fill the slots with "
    "self.initial_accumulator_value.":
        "initial_accumulator_value와 상관없이 누적값을 0.1에서 시작한 결과와 같습니다: 슬롯을 self.initial_accumulator_value로 "
        "채우세요.",
    "It matches v <- rho * v + g ** 2, without the (1 - rho) factor: v <- rho * v + (1 - rho) * g ** 2.":
        "(1 - rho) 인수가 빠진 v <- rho * v + g ** 2와 같습니다: v <- rho * v + (1 - rho) * g ** 2입니다.",
    "It matches rho and 1 - rho swapped: v <- rho * v + (1 - rho) * g ** 2 keeps rho of the OLD average.":
        "rho와 1 - rho를 바꿔 쓴 결과와 같습니다: v <- rho * v + (1 - rho) * g ** 2는 이전(OLD) 평균을 rho만큼 남깁니다.",
    "It matches epsilon outside the square root, g / (sqrt(v) + epsilon): Keras divides by sqrt(v + epsilon), which "
    "matters where the gradients are small.":
        "epsilon을 제곱근 밖에 더한 g / (sqrt(v) + epsilon)과 같습니다: Keras는 sqrt(v + epsilon)으로 나누며, 그래디언트가 작은 "
        "곳에서는 이 차이가 드러납니다.",
    "It matches RMSprop without momentum: with momentum > 0, mom <- momentum * mom + lr * g / denominator, then w <- "
    "w - mom.":
        "momentum 없는 RMSprop과 같습니다: momentum > 0이면 mom <- momentum * mom + lr * g / denominator, 그다음 w <- w - mom입니다.",
    "It matches Adam without bias correction: multiply the step by sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t), with "
    "t = iterations + 1.":
        "편향 보정이 없는 Adam과 같습니다: t = iterations + 1로 두고 스텝에 sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)를 곱하세요.",
    "It matches a bias correction of m only: the step size is lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t).":
        "m만 편향 보정한 결과와 같습니다: 스텝 크기는 lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)입니다.",
    "It matches beta and 1 - beta swapped in the moving averages: m <- m + (g - m) * (1 - beta_1) keeps beta_1 of the "
    "OLD m, and likewise v with beta_2.":
        "이동 평균에서 beta와 1 - beta를 바꿔 쓴 결과와 같습니다: m <- m + (g - m) * (1 - beta_1)은 이전(OLD) m을 beta_1만큼 "
        "남기며, v도 beta_2로 마찬가지입니다.",
    "It matches a step counter increased at every update_step call, once per variable: t counts the apply() calls, "
    "t = self.iterations + 1.":
        "update_step을 호출할 때마다, 곧 변수마다 1씩 늘린 스텝 카운터와 같습니다: t는 apply() 호출 횟수이므로 "
        "t = self.iterations + 1입니다.",
    "It matches self.iterations increased in update_step as well: apply() increases it once, after every variable's "
    "update; update_step only reads it.":
        "update_step에서도 self.iterations를 늘린 결과와 같습니다: apply()가 모든 변수를 갱신한 뒤 한 번 늘리므로 update_step은 "
        "읽기만 하세요.",
    "It matches a step counter frozen at t = 1: inside tf.function a Python number (a counter kept in self, an int() "
    "or float() of a tensor) is read once, when the step is traced. Take t from the optimizer's variable: t = "
    "ops.cast(self.iterations + 1, variable.dtype).":
        "t = 1에 고정된 스텝 카운터와 같습니다: tf.function 안에서 파이썬 숫자(self에 둔 카운터, 텐서의 int()나 float())는 "
        "스텝을 추적(trace)할 때 한 번만 읽힙니다. t는 옵티마이저의 변수에서 가져오세요: "
        "t = ops.cast(self.iterations + 1, variable.dtype).",
    "Eagerly the steps match, inside tf.function they do not: a Python value (a counter kept in self, an int() or "
    "float() of a tensor, a Python if on a tensor) is read once, when tf.function traces the step. Compute with "
    "keras.ops on tensors and variables only.":
        "eager로 실행하면 스텝이 맞지만 tf.function 안에서는 맞지 않습니다: 파이썬 값(self에 둔 카운터, 텐서의 int()나 float(), "
        "텐서에 대한 파이썬 if)은 tf.function이 스텝을 추적(trace)할 때 한 번만 읽힙니다. 텐서와 변수에 keras.ops만 써서 계산하세요.",
    "It matches a step counter increased at every update_step call and frozen when tf.function traced the step: t "
    "counts the apply() calls and must be a tensor, t = ops.cast(self.iterations + 1, variable.dtype).":
        "update_step을 호출할 때마다 늘리고 tf.function이 스텝을 추적(trace)할 때 고정된 스텝 카운터와 같습니다: t는 apply() "
        "호출 횟수이고 텐서여야 합니다: t = ops.cast(self.iterations + 1, variable.dtype).",
    "The step gives NaN or infinity from the first call, as a bias correction with t starting at 0 does (1 - beta_1 "
    "** 0 = 0): inside update_step, t = self.iterations + 1, since apply() increases iterations after the updates.":
        "첫 호출부터 스텝이 NaN이나 무한대가 됩니다. t를 0에서 시작해 편향 보정을 하면 이렇게 됩니다(1 - beta_1 ** 0 = 0): "
        "apply()는 갱신을 마친 뒤 iterations를 늘리므로, update_step 안에서는 t = self.iterations + 1입니다.",
    # init_search
    # --- probes/initializers.py
    "{kind:ident}(seed={seed:num})({shape:shape}) returned shape {got:shape}: return a tensor of the shape asked for":
        "{kind}(seed={seed})({shape})의 반환값 shape가 {got}입니다: 요청한 shape의 텐서를 반환하세요",
    "initializers.py has no function compute_fans: keep the function of the skeleton, with its name":
        "initializers.py에 compute_fans 함수가 없습니다: 뼈대 코드의 함수를 이름 그대로 두세요",
    # --- checks/initializers.py: compute_fans
    "It matches fans without the receptive field: a convolution kernel (k1, ..., n_in, n_out) has fans (n_in * r, "
    "n_out * r), with r = k1 * ... the product of every axis but the last two.":
        "수용 영역(receptive field)을 빼고 계산한 fan과 일치합니다: 합성곱 커널 (k1, ..., n_in, n_out)의 fan은 "
        "(n_in * r, n_out * r)이고, r = k1 * ...는 마지막 두 축을 뺀 모든 축 크기의 곱입니다.",
    "fan_in and fan_out are swapped: fan_in comes from shape[-2], fan_out from shape[-1].":
        "fan_in과 fan_out이 바뀌었습니다: fan_in은 shape[-2]에서, fan_out은 shape[-1]에서 나옵니다.",
    "A 1-d shape (n,) has the fans (n, n).": "1차원 shape (n,)의 fan은 (n, n)입니다.",
    "It matches PyTorch's layout (n_out, n_in, k1, ...): a Keras kernel has the kernel axes first and (n_in, n_out) "
    "last.":
        "PyTorch의 축 배치 (n_out, n_in, k1, ...)와 일치합니다: Keras 커널은 커널 축이 앞에, (n_in, n_out)이 맨 뒤에 옵니다.",
    "Only one fan is multiplied by the receptive field r: both are.":
        "fan 하나에만 수용 영역 r을 곱했습니다: 두 fan 모두에 곱합니다.",
    "{call} returned a {kind:ident}; expected a tuple of two ints (fan_in, fan_out), here {want:shape}.":
        "{call}의 반환값이 {kind}입니다. 기대값은 두 정수의 tuple (fan_in, fan_out)이고, 여기서는 {want}입니다.",
    "{call} returned {got:shape}; expected {want:shape}.": "{call}의 반환값이 {got}입니다. 기대값은 {want}입니다.",
    "{call} returned {got:shape} with values of the types {types}; return a tuple of two ints (int(...)).":
        "{call}의 반환값 {got}에 든 값의 타입이 {types}입니다. 두 정수의 tuple을 반환하세요(int(...)).",
    # --- the draws
    "{name} returned shape {got:shape}; expected {want:shape}.": "{name}: 반환한 shape가 {got}입니다. 기대한 shape는 {want}입니다.",
    "{name}: {count:num} of {n:num} values are NaN or infinite.": "{name}: 값 {n}개 중 {count}개가 NaN 또는 무한대입니다.",
    "{name}: the mean of the values is {mean:num}; expected 0 (± {bound:num}).":
        "{name}: 값의 평균이 {mean}입니다. 기대값은 0 (± {bound})입니다.",
    "{name}: {count:num} of {n:num} values lie beyond ±{limit:num}, the limit sqrt(6 / (fan_in + fan_out)) for the "
    "fans {fans:shape}; the largest |value| is {top:num}.":
        "{name}: 값 {n}개 중 {count}개가 fan {fans}에 대한 한계 sqrt(6 / (fan_in + fan_out)) = ±{limit} 밖에 있습니다. "
        "가장 큰 |값|은 {top}입니다.",
    "{name}: the values have variance {var:num}; U(-limit, limit) with the limit {limit:num} has variance limit² / 3 "
    "= {want:num} (± {bound:num}).":
        "{name}: 값의 분산이 {var}입니다. 한계가 {limit}인 U(-limit, limit)의 분산은 limit² / 3 = {want} (± {bound})입니다.",
    "{name}: the largest |value| is {top:num}, short of the limit {limit:num}: {n:num} values of U(-limit, limit) "
    "come within {delta:num} of it.":
        "{name}: 가장 큰 |값|({top})이 한계 {limit}에 못 미칩니다: U(-limit, limit)에서 값 {n}개를 뽑으면 가장 큰 값은 "
        "한계에서 {delta} 이내에 있습니다.",
    "{name}: {share:num} of the values lie within half the limit; a uniform draw puts 0.5 (± {bound:num}) there.":
        "{name}: 한계의 절반 안에 있는 값의 비율이 {share}입니다. 균등분포라면 0.5 (± {bound})입니다.",
    "{name}: the values have standard deviation {std:num} (variance {var:num}); He normal gives sqrt(2 / fan_in) = "
    "{sigma:num} for fan_in {fan_in:num} (variance {want:num} ± {bound:num}).":
        "{name}: 값의 표준편차가 {std}(분산 {var})입니다. He normal은 fan_in {fan_in}에서 sqrt(2 / fan_in) = {sigma}"
        "(분산 {want} ± {bound})입니다.",
    "{name}: {count:num} of {n:num} values lie beyond ±2 stddev = ±{edge:num} (stddev sqrt(2 / fan_in) / 0.8796 = "
    "{stddev:num}), where a truncated normal has none; the largest |value| is {top:num}.":
        "{name}: 값 {n}개 중 {count}개가 ±2 stddev = ±{edge}(stddev sqrt(2 / fan_in) / 0.8796 = {stddev}) 밖에 있습니다. "
        "절단 정규분포에는 그런 값이 없습니다. 가장 큰 |값|은 {top}입니다.",
    "{name}: {count:num} of {n:num} values sit at ±2 stddev = ±{edge:num}; a truncated normal puts at most "
    "{allowed:num} there.":
        "{name}: 값 {n}개 중 {count}개가 ±2 stddev = ±{edge} 위치에 몰려 있습니다. 절단 정규분포라면 그 위치의 값은 많아야 "
        "{allowed}개입니다.",
    "{name}: the kurtosis of the values is {got:num}; a normal truncated at 2 stddev has {want:num} (± {bound:num}), "
    "an untruncated normal 3.":
        "{name}: 값의 첨도가 {got}입니다. 2 stddev에서 절단한 정규분포의 첨도는 {want} (± {bound})이고, 절단하지 않은 "
        "정규분포는 3입니다.",
    "{kind:ident} returns one value everywhere ({value:num}): nothing is drawn yet, so none of its checks count.":
        "{kind}: 모든 원소가 같은 값({value})입니다. 아직 아무것도 뽑지 않으므로 이 문제의 검사는 하나도 점수로 인정되지 않습니다.",
    # --- the mistakes of Glorot
    "The limit matches sqrt(6 / fan_in) or sqrt(3 / fan_in): Glorot uses both fans, limit = sqrt(6 / (fan_in + "
    "fan_out)).":
        "한계가 sqrt(6 / fan_in) 또는 sqrt(3 / fan_in)과 일치합니다: Glorot은 두 fan을 모두 써서 "
        "limit = sqrt(6 / (fan_in + fan_out))입니다.",
    "The limit matches sqrt(1 / fan): U(-limit, limit) has variance limit² / 3, so the variance 2 / (fan_in + "
    "fan_out) needs limit = sqrt(6 / (fan_in + fan_out)).":
        "한계가 sqrt(1 / fan)과 일치합니다: U(-limit, limit)의 분산은 limit² / 3이므로, 분산이 2 / (fan_in + fan_out)이 "
        "되려면 limit = sqrt(6 / (fan_in + fan_out))이어야 합니다.",
    "The values match a normal draw (kurtosis near 3, values beyond the limit): draw from U(-limit, limit) with "
    "keras.random.uniform.":
        "값이 정규분포에서 뽑은 것과 일치합니다(첨도가 3에 가깝고 한계 밖의 값이 있음): keras.random.uniform으로 "
        "U(-limit, limit)에서 뽑으세요.",
    "The limit matches sqrt(2 / (fan_in + fan_out)), the standard deviation: the limit of the uniform is sqrt(3) "
    "times that, sqrt(6 / (fan_in + fan_out)).":
        "한계가 표준편차 sqrt(2 / (fan_in + fan_out))와 일치합니다: 균등분포의 한계는 그 sqrt(3)배인 "
        "sqrt(6 / (fan_in + fan_out))입니다.",
    "The limit matches 6 / (fan_in + fan_out): the square root is missing.":
        "한계가 6 / (fan_in + fan_out)과 일치합니다: 제곱근이 빠졌습니다.",
    # --- the mistakes of He
    "The spread matches 2 / fan_in used as the standard deviation: stddev = sqrt(2 / fan_in) / 0.87962566103423978.":
        "퍼진 정도가 2 / fan_in을 표준편차로 쓴 것과 일치합니다: stddev = sqrt(2 / fan_in) / 0.87962566103423978입니다.",
    "The spread matches both fans (fan_in + fan_out), Glorot's rule: He normal uses fan_in only.":
        "퍼진 정도가 두 fan (fan_in + fan_out)을 쓰는 Glorot의 규칙과 일치합니다: He normal은 fan_in만 씁니다.",
    "The values match an untruncated normal (kurtosis near 3, values beyond 2 stddev): draw with "
    "keras.random.truncated_normal, which redraws the values beyond 2 stddev.":
        "값이 절단하지 않은 정규분포와 일치합니다(첨도가 3에 가깝고 2 stddev 밖의 값이 있음): 2 stddev 밖의 값을 다시 뽑는 "
        "keras.random.truncated_normal로 뽑으세요.",
    "Values pile up at ±2 stddev: they were clipped there; a truncated normal redraws them instead "
    "(keras.random.truncated_normal).":
        "±2 stddev에 값이 몰려 있습니다: 값을 그 자리에서 잘랐습니다(clip). 절단 정규분포는 그런 값을 다시 뽑습니다"
        "(keras.random.truncated_normal).",
    "The spread matches a normal of stddev sqrt(2 / fan_in) truncated without the correction: the truncation shrinks "
    "the standard deviation by 0.8796, so divide sqrt(2 / fan_in) by 0.87962566103423978 first.":
        "퍼진 정도가 표준편차 sqrt(2 / fan_in)인 정규분포를 보정 없이 절단한 것과 일치합니다: 절단하면 표준편차가 0.8796배로 "
        "줄어드므로 sqrt(2 / fan_in)을 먼저 0.87962566103423978로 나누세요.",
    "The spread matches fan_out instead of fan_in: He normal scales by fan_in only.":
        "퍼진 정도가 fan_in 대신 fan_out을 쓴 것과 일치합니다: He normal은 fan_in만으로 크기를 정합니다.",
    "The spread matches sqrt(1 / fan_in) (LeCun): He's variance is 2 / fan_in.":
        "퍼진 정도가 sqrt(1 / fan_in)(LeCun)과 일치합니다: He의 분산은 2 / fan_in입니다.",
    # --- the seed
    "Two calls of one {call} instance returned different values: with an int seed every call returns the same "
    "values, as Keras's initializers do. {hint:text}":
        "{call} 인스턴스 하나를 두 번 호출했더니 다른 값이 나왔습니다: 정수 seed를 주면 Keras의 초기화 함수처럼 매번 같은 값을 "
        "돌려줘야 합니다. {hint}",
    "Pass the int itself to keras.random (seed=self.seed): a SeedGenerator, or seed=None, draws new values on every "
    "call.":
        "정수 seed를 그대로 keras.random에 넘기세요(seed=self.seed): SeedGenerator나 seed=None을 쓰면 호출할 때마다 새 값을 "
        "뽑습니다.",
    "the seed is ignored": "seed를 무시함",
    # --- probes/search.py
    "{what} returned a {kind:ident}, not a list of dicts": "{what}의 반환값이 dict의 list가 아니라 {kind}입니다",
    "{what} returned a list holding a {kind:ident}: each setting is a dict name -> value":
        "{what}의 반환값 list에 {kind} 값이 들어 있습니다: 각 설정은 이름 -> 값 dict입니다",
    "{what} returned a {kind:ident}, not a dict name -> (low, high)":
        "{what}의 반환값이 이름 -> (low, high) dict가 아니라 {kind}입니다",
    # --- checks/search.py: sample_hyperparameters
    "{who} returned {count:num} settings; expected {n:num}.": "{who}: 설정 {count}개를 돌려주었습니다. {n}개여야 합니다.",
    "{who}: the settings do not all have the same keys ({first} and {second}); each holds every name of `ranges`: "
    "{names}.":
        "{who}: 설정마다 키가 다릅니다({first}, {second}). 설정마다 `ranges`의 이름이 모두 있어야 합니다: {names}.",
    "{who}: the keys come in the order {got}; expected the order of `ranges`, {want}.":
        "{who}: 키의 순서가 {got}입니다. `ranges`와 같은 순서여야 합니다: {want}.",
    "{who}: the settings have the keys {got}; expected {want}.": "{who}: 설정의 키가 {got}입니다. 기대한 키는 {want}입니다.",
    "{who}: the values are of type {types}; return Python floats (float(...)).":
        "{who}: 값의 타입이 {types}입니다. Python float를 반환하세요(float(...)).",
    "The values are the exponents u themselves: return 10 ** u.": "값이 지수 u 자체입니다: 10 ** u를 반환하세요.",
    "The values of {name} lie in the range of {other}: each parameter draws from its own range, ranges[name].":
        "{name}의 값이 {other}의 범위에 있습니다: 파라미터마다 자기 범위 ranges[name]에서 뽑습니다.",
    "log10 of the values lies between ln(low) and ln(high): the exponent was drawn between natural logs and raised "
    "as 10 ** u. Use log10 with 10 ** u (or ln with exp).":
        "값의 log10이 ln(low)와 ln(high) 사이에 있습니다: 지수를 자연로그 사이에서 뽑고 10 ** u로 되돌렸습니다. log10에는 "
        "10 ** u를 (ln에는 exp를) 짝지어 쓰세요.",
    "ln of the values lies between log10(low) and log10(high): the exponent was drawn between log10 bounds and raised "
    "as exp(u). Use 10 ** u.":
        "값의 ln이 log10(low)와 log10(high) 사이에 있습니다: 지수를 log10 경계 사이에서 뽑고 exp(u)로 되돌렸습니다. "
        "10 ** u를 쓰세요.",
    "{who}: {count:num} of {n:num} values of {name} lie outside its range ({low:num}, {high:num}); they run from "
    "{smallest:num} to {largest:num}.":
        "{who}: {name} 값 {n}개 중 {count}개가 범위 ({low}, {high}) 밖에 있습니다. 값은 {smallest}부터 {largest}까지입니다.",
    "{who}: some values of {name} are not positive numbers, so they have no log10.":
        "{who}: {name}의 값 중 양수가 아닌 값이 있어 log10을 구할 수 없습니다.",
    "{who}: all {n:num} settings hold the same {name}, {value:num}: draw n values, one per setting.":
        "{who}: 설정 {n}개의 {name} 값이 모두 같습니다({value}): 설정마다 하나씩, 값 n개를 뽑으세요.",
    "one value for all settings": "모든 설정에 같은 값",
    "The values are uniform on the linear scale, crowded into the top decade: draw u ~ U(log10(low), log10(high)) "
    "and return 10 ** u.":
        "값을 선형 척도에서 균등하게 뽑아 맨 위 자릿수 구간에 몰려 있습니다: u ~ U(log10(low), log10(high))를 뽑고 "
        "10 ** u를 반환하세요.",
    "{who}: log10 of the {name} values has mean {mean:num} and variance {var:num}; a log-uniform draw in "
    "({low:num}, {high:num}) gives {want_mean:num} (± {mean_bound:num}) and {want_var:num} (± {var_bound:num}).":
        "{who}: {name} 값의 log10은 평균 {mean}, 분산 {var}입니다. ({low}, {high})에서 로그 균등하게 뽑으면 평균 "
        "{want_mean} (± {mean_bound}), 분산 {want_var} (± {var_bound})입니다.",
    "{who}: {share:num} of the {name} values fall in [{start:num}, {end:num}); a log-uniform draw puts {want:num} "
    "(± {bound:num}) there, every decade alike.":
        "{who}: {name} 값 중 [{start}, {end}) 구간에 든 비율이 {share}입니다. 로그 균등하게 뽑으면 모든 자릿수 구간이 "
        "같은 비율이라, 이 구간에는 {want} (± {bound})입니다.",
    "{who} changed the `ranges` dict it was given: leave the caller's dict as it is.":
        "{who}: 인자로 받은 `ranges` dict를 바꿨습니다: 호출한 쪽의 dict는 그대로 두세요.",
    "Two calls of {call} returned different values: draw with numpy.random.default_rng(seed), so that a seed "
    "reproduces the draws.":
        "{call} 호출 두 번이 서로 다른 값을 돌려주었습니다: 같은 seed로 같은 값을 다시 뽑을 수 있도록 "
        "numpy.random.default_rng(seed)로 뽑으세요.",
    "the seed is not used": "seed를 쓰지 않음",
    "seed={seed:num} and seed={other:num} returned the same values: the seed argument is ignored; pass it to "
    "numpy.random.default_rng(seed).":
        "seed={seed}, seed={other}에서 같은 값이 나왔습니다: seed 인자를 무시하고 있습니다. numpy.random.default_rng(seed)에 "
        "넘기세요.",
    # --- narrow
    "It matches {fewer:num} or {more:num} results instead of keep={keep:num}: after sorting, take the first `keep`.":
        "결과를 keep={keep}개가 아니라 {fewer}개나 {more}개 쓴 것과 일치합니다: 정렬한 뒤 앞에서부터 `keep`개를 쓰세요.",
    "It matches the `keep` WORST results: a larger score is better, so sort by decreasing score.":
        "가장 나쁜 결과 `keep`개를 쓴 것과 일치합니다: 점수가 클수록 좋으므로 점수가 큰 것부터 정렬하세요.",
    "It matches the smallest and largest values of ALL the results: use only the `keep` best.":
        "모든 결과의 최솟값과 최댓값과 일치합니다: 가장 좋은 결과 `keep`개만 쓰세요.",
    "It matches ranges of zero width: when the kept values are all equal, the range is value / sqrt(10) to value * "
    "sqrt(10).":
        "폭이 0인 범위와 일치합니다: 남긴 값이 모두 같으면 범위는 value / sqrt(10)부터 value * sqrt(10)까지입니다.",
    "It matches a full decade on each side (value / 10, value * 10): half a decade is a factor sqrt(10).":
        "양쪽으로 한 자릿수씩(value / 10, value * 10) 넓힌 것과 일치합니다: 반 자릿수는 sqrt(10)배입니다.",
    "It matches ranges that are not clipped: the new range never goes beyond the old (low, high).":
        "기존 범위로 자르지 않은 것과 일치합니다: 새 범위는 기존 (low, high)를 벗어나지 않습니다.",
    "{who} returned the names {got}; expected {want}, those of `ranges`.":
        "{who}: 돌려준 이름이 {got}입니다. 기대한 이름은 `ranges`의 이름인 {want}입니다.",
    "{who}: got {got}; expected {want} ({count:num} of {total:num} ranges differ).":
        "{who}: 실제 값 {got}, 기대값 {want} (범위 {total}개 중 {count}개가 다름).",
    "{who} returned the names {got}; expected {want}, in the order of `ranges`.":
        "{who}: 돌려준 이름이 {got}입니다. 기대한 이름과 순서는 `ranges`와 같은 {want}입니다.",
    "{who}[{name}] is a {kind:ident}; expected a pair (low, high) of numbers.":
        "{who}[{name}] 값의 타입이 {kind}입니다. 숫자 두 개로 된 (low, high) 쌍이어야 합니다.",
    "{who}[{name}] is ({low:num}, {high:num}): low is above high.":
        "{who}[{name}] 값이 ({low}, {high})입니다: low가 high보다 큽니다.",
    "{who} changed the `ranges` dict it was given: build and return a new dict.":
        "{who}: 인자로 받은 `ranges` dict를 바꿨습니다: 새 dict를 만들어 반환하세요.",
    # BEGIN HIDDEN
    # --- checks/optimizers.py: mistakes of the hidden configurations
    "It matches no weight decay: pass **kwargs (weight_decay among them) on to super().__init__; the base class then "
    "applies w <- w - lr * weight_decay * w before update_step.":
        "weight decay를 적용하지 않은 결과와 같습니다: weight_decay를 포함한 **kwargs를 super().__init__에 넘기세요. 그러면 "
        "기본 클래스가 update_step 전에 w <- w - lr * weight_decay * w를 적용합니다.",
    "It matches weight decay added to the gradient, g + weight_decay * w (an L2 penalty): Keras's is decoupled, w <- "
    "w - lr * weight_decay * w before the update, and the base class does it.":
        "weight decay를 그래디언트에 더한 g + weight_decay * w(L2 페널티)와 같습니다: Keras의 weight decay는 분리된(decoupled) "
        "방식으로, 갱신 전에 w <- w - lr * weight_decay * w를 적용하며 이는 기본 클래스가 합니다.",
    "It matches weight decay applied twice, by the base class and again in update_step: leave it to the base class.":
        "weight decay를 기본 클래스와 update_step에서 두 번 적용한 결과와 같습니다: 기본 클래스에 맡기세요.",
    "It matches PyTorch's momentum, b <- momentum * b + g, then w <- w - lr * b: the same for a constant learning "
    "rate, but under a schedule Keras keeps each step's learning rate inside m: m <- momentum * m - lr * g, then w <- "
    "w + m.":
        "PyTorch의 momentum(b <- momentum * b + g, 그다음 w <- w - lr * b)과 같습니다: 학습률이 일정하면 결과가 같지만, 스케줄을 "
        "쓰면 Keras는 각 스텝의 학습률을 m 안에 담습니다: m <- momentum * m - lr * g, 그다음 w <- w + m.",
    "It matches self.iterations increased in update_step as well, so the schedule is read at the wrong step: apply() "
    "increases it once, after every variable's update; update_step only reads it.":
        "update_step에서도 self.iterations를 늘려 스케줄을 엉뚱한 스텝에서 읽은 결과와 같습니다: apply()가 모든 변수를 갱신한 뒤 "
        "한 번 늘리므로 update_step은 읽기만 하세요.",
    "It matches the textbook's Adagrad, delta + sqrt(r) with r from 0: Keras starts the accumulator at "
    "initial_accumulator_value and divides by sqrt(a + epsilon), a different optimizer when epsilon is large.":
        "r을 0에서 시작하고 delta + sqrt(r)로 나누는 교과서의 Adagrad와 같습니다: Keras는 누적값을 initial_accumulator_value에서 "
        "시작하고 sqrt(a + epsilon)으로 나눕니다. epsilon이 크면 서로 다른 옵티마이저입니다.",
    "It matches epsilon outside the square root, g / (sqrt(a) + epsilon), as in the textbook: Keras divides by sqrt(a "
    "+ epsilon), a different optimizer when epsilon is large.":
        "교과서처럼 epsilon을 제곱근 밖에 더한 g / (sqrt(a) + epsilon)과 같습니다: Keras는 sqrt(a + epsilon)으로 나눕니다. "
        "epsilon이 크면 서로 다른 옵티마이저입니다.",
    "It matches the uncentered denominator sqrt(v + epsilon): with centered=True keep a moving average of g as well, "
    "gbar <- rho * gbar + (1 - rho) * g, and divide by sqrt(v - gbar ** 2 + epsilon).":
        "중심화하지 않은 분모 sqrt(v + epsilon)과 같습니다: centered=True이면 g의 이동 평균 gbar <- rho * gbar + (1 - rho) * g도 "
        "두고 sqrt(v - gbar ** 2 + epsilon)으로 나누세요.",
    "It matches the textbook's Adam, lr * m_hat / (sqrt(v_hat) + epsilon): Keras folds the bias corrections into the "
    "step size and adds epsilon to sqrt(v), w <- w - lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t) * m / (sqrt(v) "
    "+ epsilon). The two agree at epsilon=1e-7, not at epsilon=0.01.":
        "교과서의 Adam(lr * m_hat / (sqrt(v_hat) + epsilon))과 같습니다: Keras는 편향 보정을 스텝 크기에 합치고 epsilon을 "
        "sqrt(v)에 더합니다: w <- w - lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t) * m / (sqrt(v) + epsilon). 두 식은 "
        "epsilon=1e-7에서는 일치하지만 epsilon=0.01에서는 다릅니다.",
    "It matches Adam without amsgrad: with amsgrad=True keep vhat <- max(vhat, v) in its own slot and divide by "
    "sqrt(vhat) + epsilon.":
        "amsgrad 없는 Adam과 같습니다: amsgrad=True이면 별도 슬롯에 vhat <- max(vhat, v)를 두고 sqrt(vhat) + epsilon으로 나누세요.",
    "It matches the maximum taken over the bias-corrected v / (1 - beta_2 ** t): Keras keeps vhat <- max(vhat, v) of "
    "the uncorrected v.":
        "편향 보정한 v / (1 - beta_2 ** t)에 대해 최댓값을 구한 결과와 같습니다: Keras는 보정하지 않은 v로 vhat <- max(vhat, v)를 "
        "유지합니다.",
    "It matches the maximum taken over g ** 2: Keras keeps vhat <- max(vhat, v), the maximum of the moving average v.":
        "g ** 2에 대해 최댓값을 구한 결과와 같습니다: Keras는 이동 평균 v의 최댓값인 vhat <- max(vhat, v)를 유지합니다.",
    "It matches the maximum stored back into v: keep v the plain moving average and the maximum in its own slot, vhat "
    "<- max(vhat, v).":
        "최댓값을 v에 다시 저장한 결과와 같습니다: v는 그냥 이동 평균으로 두고, 최댓값은 별도 슬롯에 vhat <- max(vhat, v)로 두세요.",
    # --- checks/optimizers.py: slots and iterations
    "{count:num} of shape {shape:shape}": "shape {shape}인 것 {count}개",
    "After {steps:num} calls of apply(), the optimizer holds {got:num} slot variables ({got_shapes}); expected "
    "{want:num} ({want_shapes}): one slot per variable for each state the formula keeps, made in build() with "
    "self.add_optimizer_variables(variables, name).":
        "apply()를 {steps}번 호출한 뒤 옵티마이저의 슬롯 변수가 {got}개({got_shapes})입니다. 기대한 개수는 {want}개({want_shapes})"
        "입니다: 식이 유지하는 상태마다 변수별로 슬롯을 하나씩, build()에서 self.add_optimizer_variables(variables, name)로 "
        "만드세요.",
    "update_step increases self.iterations too: apply() does it once per call, after the updates; update_step only "
    "reads it.":
        "update_step에서도 self.iterations를 늘립니다: apply()가 갱신을 마친 뒤 호출마다 한 번 늘리므로 update_step은 읽기만 하세요.",
    "After {steps:num} calls of apply(), self.iterations is {got}; expected {want:num}.":
        "apply()를 {steps}번 호출한 뒤 self.iterations 값이 {got}입니다. 기대값은 {want}입니다.",
    # --- checks/optimizers.py: get_config / from_config (the same texts as the regularized_training pack's)
    "get_config() misses {key}: return every constructor argument, merged with super().get_config().":
        "get_config()에 {key} 키가 없습니다: 생성자 인자를 모두 super().get_config()와 합쳐서 반환하세요.",
    "get_config()[{key}] is {got}; expected {want}.": "get_config()[{key}] 값이 {got}입니다. 기대값은 {want}입니다.",
    "Variable {k:num} of 3, shape {shape:shape}, after {steps:num} steps of the optimizer rebuilt with from_config, "
    "compared with the original,":
        "from_config로 다시 만든 옵티마이저로 {steps}스텝을 밟은 뒤 변수 3개 중 {k}번째(shape {shape})의 값을 원래 옵티마이저의 "
        "결과와 비교한 결과",
    # --- checks/optimizers.py: model.fit, .keras save and load
    "model.fit with the optimizer raised an error: {error}": "이 옵티마이저로 model.fit을 실행하자 오류가 발생했습니다: {error}",
    "The Dense layer's {name:ident} after model.fit ({epochs:num} epochs of {batches:num} batches)":
        "model.fit(에폭 {epochs}번, 에폭마다 배치 {batches}개) 뒤 Dense 레이어의 {name}",
    "After model.fit, self.iterations is {got}; expected {want:num}, one per batch.":
        "model.fit 뒤 self.iterations 값이 {got}입니다. 기대값은 배치마다 1씩 센 {want}입니다.",
    "model.fit with the optimizer raised an error, so there was nothing to save: {error}":
        "이 옵티마이저로 model.fit을 실행하자 오류가 발생해서 저장할 모델이 없습니다: {error}",
    "Saving the trained model to .keras and loading it back raised an error: {error}":
        "학습한 모델을 .keras로 저장했다가 다시 불러오자 오류가 발생했습니다: {error}",
    "After keras.models.load_model the optimizer is a {loaded:ident}, not your {exercise:ident}: keep the "
    "@keras.saving.register_keras_serializable decorator and return every argument from get_config().":
        "keras.models.load_model로 불러온 옵티마이저의 클래스가 {loaded}입니다. 여러분이 만든 {exercise} 클래스여야 합니다: "
        "@keras.saving.register_keras_serializable 데코레이터를 그대로 두고 get_config()에서 인자를 모두 반환하세요.",
    "After loading, self.iterations is {got}; it was {want} when saved.":
        "불러온 뒤 self.iterations 값이 {got}입니다. 저장할 때는 {want}였습니다.",
    "After loading, the optimizer has {got:num} variables; it had {want:num} when saved: get_config() must return the "
    "arguments that decide which slots build() makes.":
        "불러온 뒤 옵티마이저의 변수가 {got}개입니다. 저장할 때는 {want}개였습니다: build()가 만들 슬롯을 정하는 인자를 "
        "get_config()가 반환해야 합니다.",
    "The optimizer's variable {k:num} of {count:num} after loading, compared with its value when saved,":
        "불러온 옵티마이저의 변수 {count}개 중 {k}번째 값을 저장할 때의 값과 비교한 결과",
    "After loading, get_config()[{key}] is {got}; it was {want} when saved.":
        "불러온 뒤 get_config()[{key}] 값이 {got}입니다. 저장할 때는 {want}였습니다.",
    # --- checks/optimizers.py: the advice on invalid arguments
    "SGD({call}) was accepted: raise ValueError for a momentum below 0, as the docstring says.":
        "SGD({call})이(가) 그대로 받아들여졌습니다: docstring에 적힌 대로 momentum이 0보다 작으면 ValueError를 일으키세요.",
    "SGD({call}) raised {type:ident}; the docstring asks for ValueError.":
        "SGD({call})이(가) {type}을(를) 일으켰습니다: docstring에 적힌 대로 ValueError를 일으키세요.",
    # --- probes/optimizers.py: what a probe could not read
    "a weight after model.fit": "model.fit 뒤의 가중치",
    "an optimizer variable after loading": "불러온 뒤의 옵티마이저 변수",
    "an optimizer variable": "옵티마이저 변수",
    # --- probes/initializers.py
    "the Dense kernel": "Dense 커널",
    "the model's output": "모델의 출력",
    "the loaded model's output": "불러온 모델의 출력",
    # --- checks/initializers.py
    "Two instances {call} returned different values: one int seed must give the same values. Draw with "
    "seed=self.seed, the int given to __init__, not a seed of the instance's own.":
        "{call} 인스턴스 두 개가 다른 값을 돌려주었습니다: 같은 정수 seed는 같은 값을 내야 합니다. 인스턴스가 따로 만든 seed가 "
        "아니라 __init__에 받은 정수로, seed=self.seed로 뽑으세요.",
    "the seed given is not the one that draws": "받은 seed로 뽑지 않음",
    "{first} and {second} returned the same values: the seed is ignored (a fixed seed draws them). Pass "
    "seed=self.seed.":
        "{first}, {second} 두 호출이 같은 값을 돌려주었습니다: seed를 무시하고 고정된 seed로 뽑았습니다. seed=self.seed를 "
        "넘기세요.",
    "{call} returned {dtype:num} values: pass `dtype` on to keras.random.":
        "{call}: dtype {dtype}인 값을 돌려주었습니다. `dtype`을 keras.random에 넘기세요.",
    "dtype not passed on": "dtype을 넘기지 않음",
    "{call} without a dtype returned {dtype:num} values; expected float32, Keras's default (dtype=None).":
        "{call}: dtype 없이 호출했더니 dtype {dtype}인 값이 나왔습니다. Keras의 기본값(dtype=None)인 float32여야 합니다.",
    "{kind:ident}(seed={seed:num}).get_config() is {config}; expected the seed there, {{'seed': {want:num}}}.":
        "{kind}(seed={seed}).get_config() 값이 {config}입니다. seed가 들어 있어야 합니다: {{'seed': {want}}}.",
    "get_config without the seed": "get_config에 seed가 없음",
    "{kind:ident}.from_config(get_config()) draws other values than the {kind2:ident}(seed={seed:num}) it came "
    "from, although the config holds the seed: the seed given is not the one that draws.":
        "{kind}.from_config(get_config())로 만든 인스턴스가 원래의 {kind2}(seed={seed})와 다른 값을 뽑습니다. config에 "
        "seed가 있는데도 그렇습니다: 받은 seed로 뽑지 않고 있습니다.",
    "Saving the model as .keras and loading it back": "모델을 .keras로 저장했다가 다시 불러오기",
    "The output of the model loaded from .keras": ".keras에서 불러온 모델의 출력",
    "After .keras save and load, the Dense layer's kernel_initializer is a {got:ident} with seed {seed}; expected "
    "{want:ident} with seed {want_seed:num}: keep the @keras.saving.register_keras_serializable decorator and the "
    "seed in get_config.":
        ".keras로 저장하고 불러온 뒤 Dense 레이어의 kernel_initializer가 seed {seed}인 {got} 객체입니다. seed "
        "{want_seed}인 {want} 객체여야 합니다: @keras.saving.register_keras_serializable 데코레이터와 get_config의 seed를 "
        "그대로 두세요.",
    # --- checks/search.py
    "{who}: some values are not positive numbers, so they have no log10.":
        "{who}: 양수가 아닌 값이 있어 log10을 구할 수 없습니다.",
    "{who}: log10 of {first} and of {second} have correlation {r:num}; independent draws give 0 (± {bound:num}).":
        "{who}: {first}의 log10과 {second}의 log10의 상관계수가 {r}입니다. 독립적으로 뽑으면 0 (± {bound})입니다.",
    "One uniform draw is shared by all the parameters: draw each parameter's exponents separately.":
        "균등분포에서 한 번 뽑은 값을 모든 파라미터가 함께 씁니다: 파라미터마다 지수를 따로 뽑으세요.",
    "Two calls of {call} returned the same values: with seed=None, numpy.random.default_rng(None) draws new values "
    "on each call; a fixed default seed repeats them.":
        "{call} 호출 두 번이 같은 값을 돌려주었습니다: seed=None이면 numpy.random.default_rng(None)이 호출할 때마다 새 값을 "
        "뽑습니다. 기본 seed를 고정하면 같은 값이 반복됩니다.",
    "a fixed default seed": "기본 seed를 고정함",
    "{who} returned {name}: {value:num}, outside its range ({low:num}, {high:num}).":
        "{who}: {name} 값이 범위 ({low}, {high}) 밖에 있습니다: {value}.",
    "{who} returned a {kind:ident} instead of raising ValueError.":
        "{who}: ValueError를 일으키지 않고 {kind} 값을 돌려주었습니다.",
    "the ValueError is missing": "ValueError를 일으키지 않음",
    "{who} raised {kind:ident}: {message}; expected ValueError.":
        "{who}: {kind} 예외가 발생했습니다({message}). ValueError여야 합니다.",
    "{who} raised ValueError({message}) from a computation, not from a check: validate the arguments first and say "
    "what is wrong.":
        "{who}: ValueError({message}) 예외가 검사가 아니라 계산 도중에 발생했습니다: 먼저 인자를 검사하고 무엇이 잘못됐는지 "
        "알려 주세요.",
    "a ValueError by accident": "우연히 발생한 ValueError",
    "{who} raised ValueError without a message: say what is wrong and what was received.":
        "{who}: 메시지 없는 ValueError가 발생했습니다: 무엇이 잘못됐고 무엇을 받았는지 알려 주세요.",
    "{who} raised ValueError({message}), which does not name the parameter {name}: say which range is wrong and what "
    "it received.":
        "{who}: 발생한 ValueError({message}) 예외가 파라미터 {name}의 이름을 밝히지 않습니다: 어느 범위가 잘못됐고 무엇을 "
        "받았는지 알려 주세요.",
    "Ties are broken against the order of `results`: sort by score only with a stable sort, sorted(results, "
    "key=score, reverse=True), so that equal scores keep their order.":
        "동점을 `results`의 순서와 반대로 처리했습니다: 점수만 기준으로 안정 정렬 sorted(results, key=score, reverse=True)을 "
        "쓰면 같은 점수는 원래 순서를 유지합니다.",
    "It matches a denominator that uses gbar from BEFORE this step's update: update gbar <- rho * "
    "gbar + (1 - rho) * g first, then divide by sqrt(v - gbar ** 2 + epsilon).":
        "이번 스텝에서 갱신하기 **전의** gbar로 분모를 계산한 결과와 같습니다: 먼저 gbar <- rho * gbar + (1 - rho) * g로 "
        "갱신한 다음 sqrt(v - gbar ** 2 + epsilon)으로 나누세요.",
    # END HIDDEN
}
