"""Korean catalog: check names, feedback templates and report strings.

Written for Korean students, as a TA would say it: code, numbers, shapes and Keras API names stay
as they are. Korean particles (이/가, 을/를, 은/는) depend on the last sound of the word before them,
so a captured value is followed by a noun (값, shape, 클래스), a counter (개, 배, 초) or 입니다,
never directly by such a particle.

English keys: see grader/i18n/catalog.py for the field syntax. The entries of hidden checks sit in
``# BEGIN HIDDEN`` regions: the student bundle leaves them out, as it leaves out the checks themselves.
"""

from __future__ import annotations

CHECK_NAMES = {
    "get_config / from_config round trip": "get_config / from_config 왕복 변환",
    # BEGIN HIDDEN
    # Shared by the layers
    "symbolic call with a None batch dimension": "배치 차원이 None인 심볼릭 호출",
    "compute_output_shape": "compute_output_shape",
    "trains inside model.fit": "model.fit으로 학습 가능",
    ".keras save and load": ".keras 저장 및 불러오기",
    "works under the mixed_float16 dtype policy": "mixed_float16 dtype 정책에서 동작",
    "identity at inference on every configuration": "모든 설정에서 추론 모드는 입력을 그대로 출력",
    "a frozen layer (trainable=False) still works in training": "고정된 레이어(trainable=False)도 학습 모드에서 그대로 동작",
    # every layer
    "name and dtype reach the base Layer (super().__init__(**kwargs))":
        "name과 dtype이 기본 Layer에 전달됨(super().__init__(**kwargs))",
    "invalid arguments raise ValueError": "잘못된 인자에는 ValueError 발생",
    "works with an unknown batch size inside tf.function": "tf.function 안에서 배치 크기를 모를 때도 동작",
    # END HIDDEN
}

MESSAGES = {
    # --- grader/checks/__init__.py
    "not observed: the code stopped before this check could run": "확인하지 못함: 이 검사를 실행하기 전에 코드가 멈췄습니다",
    "the code's results could not be read ({error}): do the shapes and types follow the docstring?":
        "코드가 돌려준 결과를 읽을 수 없습니다({error}): shape와 타입이 docstring에 적힌 대로인가요?",
    # --- grader/checks/compare.py: expected vs observed, then (appended) the likely mistake
    "{what:text}: no gradient flows (got None). Is a step done outside TensorFlow (numpy, .numpy(), float()) or "
    "behind tf.stop_gradient?":
        "{what}: 그래디언트가 흐르지 않습니다(None). TensorFlow 밖(numpy, .numpy(), float())에서 계산했거나 tf.stop_gradient 뒤에서 계산한 "
        "단계가 있지 않나요?",
    "{what:text}: expected shape {want:shape}, got shape {got:shape}.":
        "{what}: shape가 {got}입니다. 기대한 shape는 {want}입니다.",
    "{what:text}: {count:num} of {size:num} values are NaN or infinite (first at index {index:shape}, expected "
    "{want:num}).":
        "{what}: 값 {size}개 중 {count}개가 NaN 또는 무한대입니다(첫 위치는 인덱스 {index}, 기대값 {want}).",
    "{what:text} differs from the expected values at {count:num} of {size:num} elements; worst at index "
    "{index:shape}: expected {want:num}, got {got:num} (|difference| {difference:num}, tolerance {tolerance:num}).":
        "{what}: 원소 {size}개 중 {count}개가 기대값과 다릅니다. 가장 많이 다른 곳은 인덱스 {index}이고, 기대값 {want}, 실제 값 {got}입니다(|차이| "
        "{difference}, 허용 오차 {tolerance}).",
    "{what:text} is {got:num}; expected {want:num} (|difference| {difference:num}, tolerance {tolerance:num}).":
        "{what}: 값이 {got}인데 기대값은 {want}입니다(|차이| {difference}, 허용 오차 {tolerance}).",
    "{name} returns its input unchanged in training: the layer does nothing yet, so none of its checks count.":
        "{name}: 학습 모드에서 입력을 그대로 돌려줍니다. 레이어가 아직 아무 일도 하지 않으므로 이 레이어의 검사는 하나도 점수로 인정되지 않습니다.",
    "{name} returns a constant ({value:num}) in training: the layer does nothing yet, so none of its checks count.":
        "{name}: 학습 모드에서 상수({value})를 돌려줍니다. 레이어가 아직 아무 일도 하지 않으므로 이 레이어의 검사는 하나도 점수로 인정되지 않습니다.",
    # --- grader/checks/contract.py
    "{label} of {call} misses {missing}: return every constructor argument, merged with super().get_config().":
        "{call}의 {label}에 빠진 키가 있습니다: {missing}. 생성자 인자를 모두 super().get_config()와 합쳐서 반환하세요.",
    "{label}[{key}] is {got} for {call}; expected {want}.": "{call}의 {label}[{key}] 값이 {got}입니다. 기대값은 {want}입니다.",
    "The output of the layer rebuilt with from_config (inference, {call})": "from_config로 다시 만든 레이어의 출력(추론 모드, {call})",
    "With training=False": "training=False일 때",
    "When called without `training` (the default must be False)": "`training` 없이 호출했을 때(기본값은 False)",
    # --- grader/checks/policy.py
    " (line {lines})": " ({lines}번째 줄)",
    "{exercise:ident} uses {names}{where:lines}, the built-in this exercise asks you to write yourself, so "
    "{exercise2:ident} gets 0. Compute it with keras.ops or tf operations instead.":
        "{exercise}에서 이 문제가 직접 구현하라고 한 내장 기능을 사용했습니다: {names}{where}. 그래서 {exercise2} 점수는 0점입니다. keras.ops나 tf "
        "연산으로 직접 계산하세요.",
    # --- grader/probes: what a probe could not read from the student's return values
    "{exercise:ident}.get_config returned a {kind:ident} instead of a dict":
        "{exercise}.get_config의 반환값이 dict가 아니라 {kind}입니다",
    "the gradient w.r.t. {name:ident}": "{name}에 대한 그래디언트",
    "{what} returned None instead of a tensor: is a `return` missing?":
        "{what}의 반환값이 텐서가 아니라 None입니다: `return`을 빠뜨리지 않았나요?",
    "{what} returned a {kind:ident} instead of a tensor": "{what}의 반환값이 텐서가 아니라 {kind}입니다",
    "{what} returned a {kind:ident} that cannot be read as numbers": "{what}의 반환값({kind})을 숫자로 읽을 수 없습니다",
    "{what} returned a {kind:ident} that cannot be read as numbers: {error}":
        "{what}의 반환값({kind})을 숫자로 읽을 수 없습니다: {error}",
    "{exercise:ident} has no weight `self.{name:ident}` after build(): create it in build() with "
    "self.add_weight(name={quoted}, ...) as Keras does":
        "build()를 호출한 뒤에도 {exercise}에 `self.{name}` 가중치가 없습니다: Keras처럼 build()에서 self.add_weight(name={quoted}, "
        "...)로 만드세요",
    # --- grader/sandbox: the exercise could not run as a whole
    " while checking {probe}": " ({probe} 검사 중)",
    " while importing {module}": " ({module} import 중)",
    " in {where}": ", 멈춘 위치: {where}",
    "timed out after {seconds:num} s{place:place}{doing:doing}: is there an endless loop?":
        "시간 제한 {seconds}초를 넘겨 중단했습니다{doing}{place}. 무한 루프가 있지 않나요?",
    "the code produced too much data{doing:doing} and was stopped": "코드가 데이터를 너무 많이 만들어 중단했습니다{doing}",
    "the code left a background process running after it finished (it was stopped): a layer must not start "
    "processes or threads that outlive the call":
        "코드가 끝난 뒤에도 백그라운드 프로세스가 남아 있어서 강제로 종료했습니다: 레이어는 호출이 끝난 뒤까지 살아 있는 프로세스나 스레드를 만들면 안 됩니다",
    "the observation channel was corrupted: does the code write to file descriptors it did not open?":
        "채점기가 결과를 받는 채널이 손상되었습니다: 코드가 직접 열지 않은 파일 디스크립터에 쓰고 있지 않나요?",
    "crashed with a segmentation fault (SIGSEGV)": "segmentation fault(SIGSEGV)로 비정상 종료되었습니다",
    "crashed with a bus error (SIGBUS)": "bus error(SIGBUS)로 비정상 종료되었습니다",
    "aborted (SIGABRT), often running out of memory inside TensorFlow":
        "중단되었습니다(SIGABRT). TensorFlow 안에서 메모리가 부족할 때 자주 생깁니다",
    "was stopped: CPU time limit exceeded": "CPU 시간 제한을 넘어 중단되었습니다",
    "was killed (SIGKILL): memory limit or CPU time limit exceeded": "강제 종료되었습니다(SIGKILL): 메모리 제한이나 CPU 시간 제한을 넘었습니다",
    "crashed with an arithmetic error (SIGFPE)": "산술 오류(SIGFPE)로 비정상 종료되었습니다",
    "signal {number:num}": "시그널 {number}",
    "was killed by {signal}": "{signal} 때문에 종료되었습니다",
    "the worker process {what:text}{doing:doing}": "워커 프로세스가 {what}{doing}",
    "the worker process exited with status {code:num}{doing:doing}: did the code call os._exit() or sys.exit()?":
        "워커 프로세스가 종료되었습니다(상태 코드 {code}){doing}: 코드에서 os._exit()나 sys.exit()를 호출하지 않았나요?",
    "unreadable error report": "읽을 수 없는 오류 보고",
    "It defines: {found}.": "파일에 정의된 것: {found}.",
    "It defines no class or function.": "파일에 클래스도 함수도 없습니다.",
    "{module} defines no {name}.{hint:optext}": "{module}에 {name}이(가) 없습니다.{hint}",
    "importing {module} failed: {error}": "{module} import에 실패했습니다: {error}",
    "{error} — in {where}": "{error} — 위치: {where}",
    "{error} What this error usually means: {meaning:text}": "{error} 이 오류는 보통 이런 뜻입니다: {meaning}",
    "the base class has no get_config to extend (keras.regularizers.Regularizer raises this): build the dict of the "
    "constructor's arguments yourself, without super().get_config().":
        "확장할 get_config가 기본 클래스에 없습니다(keras.regularizers.Regularizer는 이 오류를 냅니다): super().get_config() "
        "없이 생성자 인자의 dict를 직접 만드세요.",
    "a variable (a keras.random.SeedGenerator, a weight, a tf.Variable) is created on every call; tf.function allows "
    "it on the first trace only. Create it once, in __init__ or build, and reuse it.":
        "호출할 때마다 변수(keras.random.SeedGenerator, 가중치, tf.Variable)를 새로 만듭니다. tf.function은 첫 trace에서만 "
        "변수를 만들 수 있습니다. __init__이나 build에서 한 번 만들고 다시 쓰세요.",
    "tensors of two dtypes (float32 and float64) were combined: make constants and random draws in the dtype of the "
    "input (inputs.dtype or self.compute_dtype), not a fixed float32.":
        "서로 다른 dtype(float32와 float64)의 텐서를 함께 계산했습니다: 상수와 난수를 고정된 float32가 아니라 입력의 dtype"
        "(inputs.dtype 또는 self.compute_dtype)으로 만드세요.",
    "two tensors whose shapes do not line up were combined: a statistic, weight or mask is not shaped to broadcast "
    "against the input for this shape and axis.":
        "shape가 맞지 않는 두 텐서를 함께 계산했습니다: 이 shape와 축에서 통계, 가중치 또는 마스크가 입력에 맞게 "
        "브로드캐스트되는 shape가 아닙니다.",
    "an axis the input does not have was used: compute the axes from the input's rank and `axis` (negative and list "
    "forms included), not from a fixed layout.":
        "입력에 없는 축을 썼습니다: 축은 고정된 배치(layout)가 아니라 입력의 rank와 `axis`(음수와 리스트 형태 포함)로 계산하세요.",
    "a dimension that is unknown while tracing (None, such as the batch size) was used as a number: take it from "
    "keras.ops.shape(inputs), not from inputs.shape.":
        "trace할 때 알 수 없는 차원(배치 크기처럼 None인 값)을 숫자로 썼습니다: inputs.shape가 아니라 "
        "keras.ops.shape(inputs)에서 가져오세요.",
    "sys.exit({code}) was called": "sys.exit({code})가 호출되었습니다",
    "memory limit of {size:num} GB exceeded": "메모리 제한 {size} GB를 넘었습니다",
    "more than {size:num} MB written (a flood of printed output?)": "{size} MB 넘게 썼습니다(print로 너무 많이 출력하지 않았나요?)",
    "{function:code} ({file:code}, line {line:num})": "{function} ({file}, {line}번째 줄)",
    # --- grader/grade.py
    "{file} is missing from the submission: {exercise:ident} is defined there.":
        "제출물에 {file} 파일이 없습니다: {exercise} 클래스는 이 파일에 정의해야 합니다.",
    "{exercise:ident} is defined in cell {cell:num}, which does not compile: {error}":
        "{exercise} 클래스는 {cell}번 셀에 있는데, 이 셀이 컴파일되지 않습니다: {error}",
    "Not attempted: {exercise:ident} still raises NotImplementedError, as the skeleton does.":
        "아직 풀지 않음: {exercise} 클래스가 뼈대 코드처럼 여전히 NotImplementedError를 일으킵니다.",
    # --- grader/probes/tensors.py
    "{exercise:ident}.{name:ident} is a {kind:ident} after a call, no longer a weight: `self.{name2:ident} = ...` "
    "replaced the variable. Update it in place with self.{name3:ident}.assign(...), as Keras does":
        "호출한 뒤 {exercise}.{name}이(가) 가중치가 아니라 {kind}입니다: `self.{name2} = ...`가 변수를 바꿔치기했습니다. "
        "Keras처럼 self.{name3}.assign(...)으로 값만 갱신하세요",
    # --- grader/checks/grid.py: a behaviour judged on every configuration of a declared space. A
    # configuration is written as its levels ("shape (8, 5) with axis=-1, dtype float32, data mean 1000,
    # default arguments"), translated level by level (the levels kind; see STRUCTURAL for "data ...").
    "It fails on all {count:num} configurations tried.": "시도한 설정 {count}개 모두에서 실패합니다.",
    "It fails on 1 of {count:num} configurations.": "설정 {count}개 중 1개에서 실패합니다.",
    "It fails on {failing:num} of {count:num} configurations": "설정 {count}개 중 {failing}개에서 실패합니다",
    "{head:optext}; no single factor (shape and axis, dtype, data, arguments) sets them apart from the ones that pass.":
        "{head}. 어느 한 요인(shape와 axis, dtype, 데이터, 인자)만으로는 실패한 설정과 통과한 설정이 구별되지 않습니다.",
    "{head:text}: it passes only when {allowed:levels}, and fails for every other {name:ident}.":
        "{head}: {allowed}인 경우에만 통과하고, 그 밖의 경우에는 모두 실패합니다.",
    "{head:text}: it fails whenever {condition:levels}, and passes otherwise.":
        "{head}: {condition}인 경우에는 실패하고, 그 밖에는 통과합니다.",
    "{head:text}: every failing one has {conditions:levels}, and no passing one does. The grid cannot tell which "
    "of these matters.":
        "{head}: 실패한 설정은 모두 다음 각 조건에 해당하고, 통과한 설정은 어느 조건에도 해당하지 않습니다: {conditions}. "
        "이 중 어느 조건이 원인인지는 이 설정들만으로는 알 수 없습니다.",
    " or ": " 또는 ",
    " and ": "이고 ",
    # markers grid.py reads its own texts with, never shown on their own
    "only ": "다음만: ",
    "On every failing": "실패한 모든",
    "On every failing configuration the results match a known mistake: {mistake:text}":
        "실패한 모든 설정에서 결과가 알려진 실수와 일치합니다: {mistake}",
    "On {hits:num} of the {failing:num} failing configurations the results match a known mistake, so it is likely "
    "but not certain: {mistake:text}":
        "실패한 설정 {failing}개 중 {hits}개에서 결과가 알려진 실수와 일치합니다. 확실하지는 않지만 이 실수일 가능성이 높습니다: "
        "{mistake}",
    "A likely cause: {note:text}": "예상되는 원인: {note}",
    "A possible cause, since most failures share it: {note:text}":
        "실패한 설정 대부분에 공통된 조건이라 원인일 수 있습니다: {note}",
    "{head:optext}; no factor sets them all apart, but {some:num} of the {failing:num} failing ones have "
    "{level:levels}, which few of the passing ones have.":
        "{head}. 실패한 설정을 모두 구별하는 요인은 없지만, 실패한 설정 {failing}개 중 {some}개가 {level} 조건이고 "
        "통과한 설정에는 이 조건이 드뭅니다.",
    "For {config:levels}: {failure}": "{config}일 때: {failure}",
    "the code raised an error on this input, so nothing could be compared: {error}":
        "이 입력에서 코드가 오류를 일으켜 아무것도 비교할 수 없었습니다: {error}",
    "{exercise:ident} raised an error on every one of the {count:num} configurations tried, so none of its checks "
    "count. The first: {error}":
        "{exercise}: 시도한 설정 {count}개 모두에서 오류가 발생해서 이 문제의 검사는 하나도 점수로 인정되지 않습니다. "
        "첫 번째 오류: {error}",
    "the reference raised on {config:levels}: {error}": "{config}일 때 정답 코드에서 오류가 발생했습니다: {error}",
    "configurations out of step: {got} vs {want}": "설정의 순서가 어긋났습니다: {got} / {want}",
    "{got:num} configurations observed, {want:num} expected": "설정 {got}개를 관찰했습니다. 기대한 개수는 {want}개입니다",
    "called without training": "training 없이 호출",
    "frozen (trainable=False) with training=True": "trainable=False로 고정하고 training=True",
    "With training=None (as Keras passes it when no mode is set: test `if training:`, not `training is False`)":
        "training=None일 때(모드를 정하지 않으면 Keras가 이 값을 넘깁니다: `training is False`가 아니라 `if training:`으로 "
        "검사하세요)",
    # --- grader/probes/contract.py and the layer probes of packs
    "{exercise:ident}.call(training=True) with trainable=False": "trainable=False일 때 training=True로 호출한 {exercise}.call",
    "{exercise:ident}.call without `training`": "`training` 없이 호출한 {exercise}.call",
    "{exercise:ident}.get_config() returned {kinds}, not a plain Python value, and from_config failed on it "
    "({type:ident}: {error}). A saved model keeps its config as JSON: return plain numbers (float(...)), strings and "
    "lists.":
        "{exercise}.get_config()가 {kinds}를 돌려주었는데 이는 평범한 파이썬 값이 아니고, from_config가 이 값에서 실패했습니다"
        "({type}: {error}). 저장된 모델은 config를 JSON으로 보관합니다: 평범한 숫자(float(...)), 문자열, 리스트를 돌려주세요.",
    # BEGIN HIDDEN
    # --- grader/checks/contract.py
    "Called on keras.Input(({features},)) the layer gave shape {got}; expected (None, {features2}). Use dynamic "
    "shapes (keras.ops.shape) where the batch size is unknown.":
        "keras.Input(({features},))로 호출한 레이어의 출력 shape가 {got}입니다. 기대한 shape는 (None, {features2})입니다. 배치 크기를 모르는 "
        "곳에서는 동적 shape(keras.ops.shape)를 쓰세요.",
    "compute_output_shape((None, {features})) returned {got}; expected (None, {features2}).":
        "compute_output_shape((None, {features}))의 반환값이 {got}입니다. 기대값은 (None, {features2})입니다.",
    "A training step (train_on_batch, as model.fit runs it) with the layer gave losses {losses}: NaN or infinite.":
        "이 레이어를 넣고 학습 스텝(model.fit처럼 train_on_batch로 실행)을 돌렸더니 loss가 NaN 또는 무한대입니다: {losses}.",
    "After keras.models.load_model the layer is a {loaded}, not your {exercise}.":
        "keras.models.load_model로 불러온 레이어의 클래스가 {loaded}입니다. 여러분이 만든 {exercise} 클래스여야 합니다.",
    "Predictions of the model after saving to .keras and loading back": ".keras로 저장했다가 다시 불러온 모델의 예측",
    "With dtype='mixed_float16' and float16 inputs the output is {dtype:num}{nan:optext}; Keras layers compute in "
    "self.compute_dtype (float16 here) and keep their weights in float32: cast weights to the input's dtype before "
    "combining them.":
        "dtype='mixed_float16'에 float16 입력을 넣었더니 출력 dtype이 {dtype}{nan}입니다. Keras 레이어는 self.compute_dtype(여기서는 "
        "float16)으로 계산하고 가중치는 float32로 보관합니다: 가중치를 입력의 dtype으로 cast한 다음 입력과 함께 계산하세요.",
    " with NaN or infinite values": " (NaN 또는 무한대 값 포함)",
    "{exercise:ident}.call under mixed_float16": "mixed_float16에서 호출한 {exercise}.call",
    "the model's prediction": "모델의 예측",
    "the reloaded model's prediction": "다시 불러온 모델의 예측",
    "Inside tf.function with an unknown batch size (as model.fit traces a last, smaller batch), "
    "{exercise:ident}.call raised {type:ident} ({where}): {error} A shape with None in it cannot make a "
    "tensor: take the shape from keras.ops.shape(inputs) (dynamic), not inputs.shape.":
        "배치 크기를 모르는 tf.function 안에서(model.fit이 더 작은 마지막 배치를 추적할 때처럼) {exercise}.call이(가) "
        "{type}을(를) 일으켰습니다({where}): {error} None이 들어 있는 shape로는 텐서를 만들 수 없습니다: inputs.shape 대신 "
        "keras.ops.shape(inputs)(동적 shape)를 쓰세요.",
    "{exercise:ident}.call inside tf.function with an unknown batch size":
        "배치 크기를 모르는 tf.function 안에서 호출한 {exercise}.call",
    # --- grader/checks/contract.py
    "{exercise:ident}(..., name={name}, dtype={dtype}) has name {got_name} and dtype {got_dtype}: pass **kwargs on "
    "with super().__init__(**kwargs), so that Keras's own arguments (name, dtype, trainable) reach the base Layer.":
        "{exercise}(..., name={name}, dtype={dtype})의 name이 {got_name}, dtype이 {got_dtype}입니다: "
        "super().__init__(**kwargs)로 **kwargs를 넘겨서 Keras 고유의 인자(name, dtype, trainable)가 기본 Layer에 "
        "전달되게 하세요.",
    "{call} was accepted: check the arguments in __init__ and raise ValueError for invalid values, as the TODO in "
    "__init__ asks.":
        "{call}이(가) 그대로 받아들여졌습니다: __init__의 TODO에 적힌 대로 인자를 검사하고 잘못된 값이면 ValueError를 "
        "일으키세요.",
    "{call} raised {type:ident}; raise ValueError for invalid arguments, as the TODO in __init__ asks.":
        "{call}이(가) {type}을(를) 일으켰습니다: __init__의 TODO에 적힌 대로 잘못된 인자에는 ValueError를 일으키세요.",
    "Inside tf.function with an unknown batch size, a batch of shape (5, {features:num}) gave shape {got:shape}; "
    "expected (5, {features2:num}).":
        "배치 크기를 모르는 tf.function 안에서 shape (5, {features}) 배치의 출력 shape가 {got}입니다. 기대한 shape는 "
        "(5, {features2})입니다.",
    # --- grader/checks/grid.py: the frozen mode
    "With layer.trainable = False and training=True, the output is the input unchanged, while training=True alone "
    "changes it: {note:text}":
        "layer.trainable = False에 training=True로 호출하면 출력이 입력 그대로인데, training=True만 주면 출력이 바뀝니다: {note}",
    "trainable=False freezes weights, and this layer has none: only `training` decides, so test `if training:` alone.":
        "trainable=False는 가중치를 고정하는 것인데 이 레이어에는 가중치가 없습니다: `training`만으로 정해지므로 "
        "`if training:`만 검사하세요.",
    # END HIDDEN
}

# No words of ours, but parts to translate: ProbeError.describe()'s "Type: message", and a
# class summary's "Exercise: failure". Also the shapes grid.py's level_text composes at run time from a
# factor's name and a level's label, which the harvest cannot see ("data mean 1000", "dtype is float64").
STRUCTURAL = {
    "{type:ident}: {message}": "{type}: {message}",
    # the labels themselves are in MESSAGES; N(...) is a distribution, as it is
    "data is {label:text}": "{label} 데이터",
    "data {label:text}": "{label} 데이터",
    "dtype is {dtype:num}": "dtype이 {dtype}",
    "N({parameters})": "N({parameters})",
}

UI = {
    "report_title": "채점 결과: {submission}",
    "public_title": "공개 검사 결과: {submission}",
    "exercise": "문제",
    "score": "점수",
    "checks_passed": "통과한 검사",
    "public_checks_passed": "통과한 공개 검사",
    "total": "합계",
    "advice": "조언",
    "your_code_printed": "코드가 출력한 내용:",
    "public_notice": "공개 검사만 실행한 결과입니다. 최종 채점에는 비공개 검사도 점수에 들어가므로, 공개 검사를 "
                     "모두 통과해도 만점이라는 뜻은 아닙니다.",
    "public_score": "통과한 공개 검사: {passed} / {total}",
    "class_counts": "학생 {students}명: {graded}명 채점, {skipped}명은 지난 실행 뒤로 바뀌지 않아 건너뜀, "
                    "{seconds:.1f}초 걸림. 평균 총점 {mean:.1f}.",
    "class_files": "성적표: {gradebook}; 반 전체 보고서: {out}/report.html; 학생별 결과: {out}/<student>/results.json, "
                   "feedback.md, feedback.html",
    "class_download": "{lms}에서 내려받은 제출물로 인식했습니다: 파일 {files}개, 학생 {students}명.",
    "class_import": "{lms} 성적 가져오기 파일: {path}",
    "class_no_trouble": "채점 중에 문제가 생긴 학생은 없습니다.",
    "class_trouble_title": "채점 중에 문제가 생긴 학생 {count}명",
    "student": "학생",
    "what_happened": "문제 내용",
    "feedback_title": "# {submission} 피드백",
    "total_line": "합계: {score} / {max_score}",
    "needs_this": "이 문제를 해결해야 {exercise}의 검사 {count}개가 모두 실행됩니다.",
    "files_read": "채점한 파일: {files}",
    "files_unread": "읽지 않은 파일: {files} (문제 파일이 우선이고, 없으면 노트북 하나나 .py 파일 하나를 읽습니다)",
    "advice_label": "조언, 0점",
    "what_your_code_printed": "코드가 출력한 내용:",
    "passed": "통과.",
    "advice_prefix": "조언 (0점): ",
    "passed_advice": "통과 (조언, 0점).",
    "printed_while": "--- {exercise} 채점 중에 코드가 출력한 내용 ---",
    "output_truncated": "\n… (너무 길어서 뒷부분을 생략했습니다)",
    # feedback.html and report.html
    "html_feedback_title": "{submission} 피드백",
    "likely_mistake": "예상되는 실수:",
    "unreadable_submission": "제출물을 읽을 수 없습니다: {reason}",
    "class_report_title": "수업 채점 보고서",
    "class_report_counts": "학생 {students}명: {graded}명 채점 (그중 {trouble}명은 채점 중 문제 발생), {unreadable}명은 "
                           "제출물을 읽을 수 없음. 총점 평균 {mean}, 중앙값 {median}, 만점 {max_total}.",
    "histogram_title": "점수 분포",
    "histogram_bar": "총점 {low}~{high} 구간 학생 {count}명",
    "histogram_axis": "총점",
    "students_axis": "학생 수",
    "no_graded_students": "아직 채점된 학생이 없습니다.",
    "exercise_rates_title": "문제별 결과",
    "mean_score": "평균 점수",
    "full_marks": "만점",
    "mistakes_title": "자주 나온 실수",
    "mistakes_note": "채점기가 알려진 실수로 진단한 실패만 학생당 한 번씩 셉니다. 다른 실패는 검사별 통과율에만 "
                     "나타납니다.",
    "mistake": "실수",
    "no_mistakes": "진단된 알려진 실수가 없습니다.",
    "check_rates_title": "검사별 통과율",
    "check": "검사",
    "pass_rate": "통과",
    "students_title": "학생별 결과",
    "sort_hint": "열 제목을 누르면 그 열로 정렬되고, 한 번 더 누르면 순서가 뒤집힙니다.",
    "status": "상태",
    "status_graded": "채점 완료",
    "status_trouble": "문제 발생",
    "status_unreadable": "읽을 수 없음",
    "status_not_attempted": "아직 풀지 않음",
    # progress lines of the command line
    "starting_worker": "{what}: 작업 프로세스를 시작하는 중 (TensorFlow는 한 번만 불러옵니다)…",
    "what_grading": "채점",
    "what_checking": "검사",
    "exercises_done": "{what} {submission}: 문제 {count}개 완료, 마지막 {exercise}",
    "wrote_file": "{path} 파일을 저장했습니다",
    "graded_in": "채점에 {seconds:.1f}초 걸렸습니다.",
    "checked_in": "검사에 {seconds:.1f}초 걸렸습니다.",
    "class_starting": "채점 중 (TensorFlow는 한 번만 불러옵니다)",
    "class_progress": "{student} 채점: {exercise}",
    "class_done": "완료",
    "class_nothing_to_grade": "채점할 것이 없습니다: 모든 학생이 지난 실행 뒤로 바뀌지 않았습니다",
    "exercises_unit": "문제",
    "sandbox_plain": "경고: 학생 코드가 샌드박스가 아닌 일반 하위 프로세스에서 실행됩니다 ({problem}). 격리가 약해서 "
                     "코드가 여러분의 파일을 읽고, 네트워크를 쓰고, 환경 변수를 볼 수 있습니다.",
    "sandbox_unprivileged": "경고: 여기서는 bubblewrap을 실행할 수 없어 ({problem}) 학생 코드가 네임스페이스 없이 "
                            "권한 없는 사용자 nobody로 실행됩니다. 키트(정답, 검사, 참조 결과)를 읽거나 바꿀 수는 "
                            "없지만, 네트워크를 쓸 수 있고 모든 사용자가 읽을 수 있는 파일은 읽을 수 있습니다.",
}
