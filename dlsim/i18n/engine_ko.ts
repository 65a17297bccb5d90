<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>Activation</name>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>No bend at all: a stack of linear layers is still one linear map, so depth buys nothing without a non-linear activation.</source>
        <translation>전혀 휘지 않습니다: 선형 층을 쌓아도 여전히 하나의 선형 변환이므로, 비선형 활성화 함수 없이는 깊이가 아무 소용이 없습니다.</translation>
    </message>
    <message>
        <source>step</source>
        <translation>계단 함수</translation>
    </message>
    <message>
        <source>f(z) = 1 if z &gt; 0 else 0</source>
        <translation>f(z) = z &gt; 0이면 1, 아니면 0</translation>
    </message>
    <message>
        <source>f′(z) = 0 (undefined at 0): no gradient</source>
        <translation>f′(z) = 0 (0에서는 정의되지 않음): 기울기 없음</translation>
    </message>
    <message>
        <source>The perceptron&apos;s threshold. Its slope is zero everywhere, so backpropagation gets no signal through it: step units learn by the perceptron rule instead.</source>
        <translation>퍼셉트론의 임계치입니다. 기울기가 어디서나 0이므로 역전파는 이 함수를 통해 아무 신호도 받지 못합니다: 계단 함수 유닛은 대신 퍼셉트론 학습 규칙으로 배웁니다.</translation>
    </message>
    <message>
        <source>1 if {z} &gt; 0 else 0</source>
        <translation>{z} &gt; 0이면 1, 아니면 0</translation>
    </message>
    <message>
        <source>1 if {z_} &gt; 0 else 0</source>
        <translation>{z_} &gt; 0이면 1, 아니면 0</translation>
    </message>
    <message>
        <source>0 (a step is flat: no gradient passes)</source>
        <translation>0 (계단 함수는 평평함: 기울기가 전달되지 않음)</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>Squashes to (0, 1). In the shaded tails the curve is flat and the slope is almost 0, and even at its best the slope is only 0.25 — through ten sigmoid layers a gradient shrinks by at least 0.25¹⁰ ≈ 0.000001: the vanishing gradient.</source>
        <translation>(0, 1)로 압축합니다. 음영 처리된 양 끝에서는 곡선이 평평해 기울기가 거의 0이고, 가장 클 때도 기울기는 0.25뿐입니다 — sigmoid 층 열 개를 지나면 기울기가 적어도 0.25¹⁰ ≈ 0.000001배로 줄어듭니다: 기울기 소실입니다.</translation>
    </message>
    <message>
        <source>Squashes to (−1, 1) and is centred on 0, with slope up to 1 — better than sigmoid, but in the shaded tails it is just as flat, and gradients vanish there too.</source>
        <translation>(−1, 1)로 압축하고 중심이 0이며, 기울기는 최대 1입니다 — sigmoid보다 낫지만 음영 처리된 양 끝에서는 똑같이 평평해서 거기서도 기울기가 소실됩니다.</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0 else 0</source>
        <translation>f′(z) = z &gt; 0이면 1, 아니면 0</translation>
    </message>
    <message>
        <source>Slope exactly 1 for every z &gt; 0, so gradients pass through unchanged: no saturation on the right. For z &lt; 0 the slope is 0 and a unit stuck there is &apos;dead&apos;.</source>
        <translation>모든 z &gt; 0에서 기울기가 정확히 1이므로 기울기가 그대로 전달됩니다: 오른쪽에서는 포화가 없습니다. z &lt; 0에서는 기울기가 0이고, 거기에 갇힌 유닛은 &apos;죽은&apos; 유닛입니다.</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>f(z) = max({alpha}z, z)</source>
        <translation>f(z) = max({alpha}z, z)</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0 else {alpha}</source>
        <translation>f′(z) = z &gt; 0이면 1, 아니면 {alpha}</translation>
    </message>
    <message>
        <source>ReLU with a small slope α for z &lt; 0 (the lecture uses α = 0.1), so no unit ever stops learning completely.</source>
        <translation>z &lt; 0에서 작은 기울기 α를 가진 ReLU입니다(강의는 α = 0.1을 씀). 그래서 어떤 유닛도 학습을 완전히 멈추지 않습니다.</translation>
    </message>
    <message>
        <source>max({alpha}·{z}, {z})</source>
        <translation>max({alpha}·{z}, {z})</translation>
    </message>
    <message>
        <source>max({alpha} × {z_p}, {z_})</source>
        <translation>max({alpha} × {z_p}, {z_})</translation>
    </message>
    <message>
        <source>1 if {z} &gt; 0 else {alpha}</source>
        <translation>{z} &gt; 0이면 1, 아니면 {alpha}</translation>
    </message>
    <message>
        <source>1 if {z_} &gt; 0 else {alpha}</source>
        <translation>{z_} &gt; 0이면 1, 아니면 {alpha}</translation>
    </message>
    <message>
        <source>f(z) = z if z &gt; 0 else {alpha}(e^z − 1)</source>
        <translation>f(z) = z &gt; 0이면 z, 아니면 {alpha}(e^z − 1)</translation>
    </message>
    <message>
        <source>f′(z) = 1 if z &gt; 0 else {alpha}e^z</source>
        <translation>f′(z) = z &gt; 0이면 1, 아니면 {alpha}e^z</translation>
    </message>
    <message>
        <source>Like ReLU for z &gt; 0, but smooth: below 0 it bends down to −α instead of cutting off, so the slope αe^z never drops to exactly 0 and no unit dies.</source>
        <translation>z &gt; 0에서는 ReLU와 같지만 매끄럽습니다: 0 아래에서 잘리는 대신 −α까지 휘어 내려가므로, 기울기 αe^z가 정확히 0이 되는 일이 없고 어떤 유닛도 죽지 않습니다.</translation>
    </message>
    <message>
        <source>{z} if {z} &gt; 0 else {alpha}(e^{z} − 1)</source>
        <translation>{z} &gt; 0이면 {z}, 아니면 {alpha}(e^{z} − 1)</translation>
    </message>
    <message>
        <source>{z_} if {z_} &gt; 0 else {alpha} × (e^{z_p} − 1)</source>
        <translation>{z_} &gt; 0이면 {z_}, 아니면 {alpha} × (e^{z_p} − 1)</translation>
    </message>
    <message>
        <source>1 if {z} &gt; 0 else {alpha}·e^{z}</source>
        <translation>{z} &gt; 0이면 1, 아니면 {alpha}·e^{z}</translation>
    </message>
    <message>
        <source>1 if {z_} &gt; 0 else {alpha} × e^{z_p}</source>
        <translation>{z_} &gt; 0이면 1, 아니면 {alpha} × e^{z_p}</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>Softmax turns a layer&apos;s outputs into probabilities that sum to 1. It is a function of all of them at once, so here only z₁ moves while the other logits stay fixed: raising z₁ takes probability from the others, and the slope is largest where the classes are even.</source>
        <translation>softmax는 층의 출력을 합이 1인 확률로 바꿉니다. 모든 출력을 한꺼번에 받는 함수이므로, 여기서는 z₁만 움직이고 다른 로짓은 고정됩니다: z₁을 올리면 다른 클래스의 확률을 가져오고, 기울기는 클래스들이 비슷할 때 가장 큽니다.</translation>
    </message>
    <message>
        <source>z₁ = z varies; the other logits stay at z₂ = 0 and z₃ = 0</source>
        <translation>z₁ = z가 변하고, 다른 로짓은 z₂ = 0, z₃ = 0에 머뭅니다</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>The same network, start and learning rate; only the optimizer differs.</source>
        <translation>같은 신경망, 같은 시작점과 학습률. 옵티마이저만 다릅니다.</translation>
    </message>
    <message>
        <source>Adaptive optimizers scale each weight&apos;s step by its gradient history.</source>
        <translation>적응적 옵티마이저는 각 가중치의 스텝 크기를 그 기울기의 이력으로 조정합니다.</translation>
    </message>
    <message>
        <source>Hidden layers: sigmoid vs tanh vs ReLU</source>
        <translation>은닉층: sigmoid vs tanh vs ReLU</translation>
    </message>
    <message>
        <source>Sigmoid hidden layers make gradients vanish; ReLU keeps them alive.</source>
        <translation>sigmoid 은닉층은 기울기를 소실시키고, ReLU는 기울기를 살려 둡니다.</translation>
    </message>
    <message>
        <source>Initializer: zeros vs small uniform vs Glorot vs He</source>
        <translation>가중치 초기화: zeros vs 작은 uniform vs Glorot vs He</translation>
    </message>
    <message>
        <source>How the weights start decides whether the signal survives many layers: zeros never break the symmetry, small uniform weights fade with depth, He keeps ReLU&apos;s spread.</source>
        <translation>가중치가 어떻게 시작하는지가 신호가 여러 층을 견디는지를 정합니다: zeros는 대칭을 깨지 못하고, 작은 uniform 가중치는 깊어질수록 희미해지며, He는 ReLU의 퍼짐을 유지합니다.</translation>
    </message>
    <message>
        <source>Learning rate ×0.1 vs ×1 vs ×10</source>
        <translation>학습률 ×0.1 vs ×1 vs ×10</translation>
    </message>
    <message>
        <source>Too small crawls, too large oscillates or diverges.</source>
        <translation>너무 작으면 기어가고, 너무 크면 진동하거나 발산합니다.</translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <source>XOR is not linearly separable: no line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other. A line that worked would need b ≤ 0 (00→0), w2 + b &gt; 0 (01→1), w1 + b &gt; 0 (10→1) and w1 + w2 + b ≤ 0 (11→0). Adding the middle two gives w1 + w2 + 2b &gt; 0; adding the outer two gives w1 + w2 + 2b ≤ 0 — a contradiction. So every pass makes a mistake and the perceptron rule goes round and round for ever. Two layers can do it: XOR = AND(NAND, OR).</source>
        <translation>XOR는 선형 분리가 불가능합니다: 어떤 직선도 (0,1)과 (1,0)을 한쪽에, (0,0)과 (1,1)을 다른 쪽에 놓을 수 없습니다. 그런 직선이 있다면 b ≤ 0 (00→0), w2 + b &gt; 0 (01→1), w1 + b &gt; 0 (10→1), w1 + w2 + b ≤ 0 (11→0)이어야 합니다. 가운데 둘을 더하면 w1 + w2 + 2b &gt; 0이고, 바깥 둘을 더하면 w1 + w2 + 2b ≤ 0입니다 — 모순입니다. 그래서 매번 한 번은 틀리고 퍼셉트론 학습 규칙은 끝없이 맴돕니다. 두 층이면 됩니다: XOR = AND(NAND, OR).</translation>
    </message>
    <message>
        <source>After update {0} the weights are exactly what they were after update {1}, with the same sample next: the rule is going round a cycle of {2} updates and will never converge.</source>
        <translation>{0}번째 업데이트 후의 가중치가 {1}번째 업데이트 후와 정확히 같고 다음 샘플도 같습니다: 규칙이 {2}번의 업데이트로 된 순환을 돌고 있으며 결코 수렴하지 않습니다.</translation>
    </message>
    <message>
        <source>sample x = ({0}, {1}), target t = {2}</source>
        <translation>샘플 x = ({0}, {1}), 목표값 t = {2}</translation>
    </message>
    <message>
        <source>error t − y = {0} − {1} = {2}</source>
        <translation>오차 t − y = {0} − {1} = {2}</translation>
    </message>
    <message>
        <source>y = t: the rule changes nothing</source>
        <translation>y = t: 규칙은 아무것도 바꾸지 않습니다</translation>
    </message>
</context>
<context>
    <name>Landscape</name>
    <message>
        <source>weight number {0} does not exist: the network has {1} weights</source>
        <translation>가중치 번호 {0}은(는) 없습니다: 신경망의 가중치는 {1}개입니다</translation>
    </message>
    <message>
        <source>the weights have not moved since the start of this run&apos;s history: train a few steps first, or use random directions</source>
        <translation>이 실행의 기록이 시작된 뒤로 가중치가 움직이지 않았습니다: 먼저 몇 스텝 학습시키거나, 무작위 방향을 쓰세요</translation>
    </message>
    <message>
        <source>this network has no weight matrix with non-zero weights to take a random direction from (biases and normalisation parameters are not moved)</source>
        <translation>이 신경망에는 무작위 방향을 잡을, 0이 아닌 가중치 행렬이 없습니다(편향과 정규화 매개변수는 움직이지 않습니다)</translation>
    </message>
    <message>
        <source>a landscape request must be a LandscapeRequest</source>
        <translation>손실 지형 요청은 LandscapeRequest여야 합니다</translation>
    </message>
    <message>
        <source>unknown landscape plane {0!r} (use one of {1})</source>
        <translation>알 수 없는 손실 지형 평면 {0!r}({1} 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>the landscape&apos;s resolution must be {0} to {1} points per side</source>
        <translation>손실 지형의 해상도는 한 변에 {0}에서 {1}개의 점이어야 합니다</translation>
    </message>
    <message>
        <source>the landscape&apos;s extent must be a positive number</source>
        <translation>손실 지형의 범위는 양수여야 합니다</translation>
    </message>
    <message>
        <source>pick two different weights for the landscape</source>
        <translation>손실 지형에 쓸 서로 다른 가중치 두 개를 고르세요</translation>
    </message>
    <message>
        <source>start → now</source>
        <translation>시작 → 현재</translation>
    </message>
    <message>
        <source>random direction (filter-normalised)</source>
        <translation>무작위 방향(필터 정규화)</translation>
    </message>
    <message>
        <source>random direction 1 (filter-normalised)</source>
        <translation>무작위 방향 1(필터 정규화)</translation>
    </message>
    <message>
        <source>random direction 2 (filter-normalised)</source>
        <translation>무작위 방향 2(필터 정규화)</translation>
    </message>
</context>
<context>
    <name>Layer</name>
    <message>
        <source>Features: fixed functions of the input (x1, x1^2, x1*x2, sin(x1), …), no weights</source>
        <translation>Features: 입력의 고정된 함수(x1, x1^2, x1*x2, sin(x1), …), 가중치 없음</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Input: where the data enters; its units must equal the data set&apos;s feature count</source>
        <translation>Input: 데이터가 들어오는 곳. 유닛 수는 데이터셋의 특성 수와 같아야 합니다</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Dense: fully connected layer, Y = f(X·W + b) with W of shape (inputs, units)</source>
        <translation>Dense: 완전 연결층, Y = f(X·W + b), W의 모양은 (입력 수, 유닛 수)</translation>
    </message>
    <message>
        <source>Activation: applies a non-linearity elementwise (sigmoid, tanh, ReLU, …)</source>
        <translation>Activation: 원소마다 비선형 함수를 적용합니다(sigmoid, tanh, ReLU, …)</translation>
    </message>
    <message>
        <source>Dropout: randomly zeroes units while training (scaled by 1/(1−rate)); off at prediction</source>
        <translation>Dropout: 학습할 때 유닛을 무작위로 0으로 만듭니다(1/(1−rate)로 스케일 조정). 예측할 때는 꺼집니다</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>규제</translation>
    </message>
    <message>
        <source>GaussianNoise: adds N(0, σ²) noise to every value while training; nothing at prediction</source>
        <translation>GaussianNoise: 학습할 때 모든 값에 N(0, σ²) 노이즈를 더합니다. 예측할 때는 아무것도 하지 않습니다</translation>
    </message>
    <message>
        <source>BatchNorm: normalizes each feature over the mini-batch, then scales by γ and shifts by β</source>
        <translation>BatchNorm: 각 특성을 미니 배치에 대해 정규화한 뒤 γ로 스케일을 조정하고 β만큼 시프트합니다</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>LayerNorm: normalizes each sample over its features, then scales by γ and shifts by β</source>
        <translation>LayerNorm: 각 샘플을 그 특성들에 대해 정규화한 뒤 γ로 스케일을 조정하고 β만큼 시프트합니다</translation>
    </message>
    <message>
        <source>Add: elementwise sum of two or more inputs of the same size (a residual connection)</source>
        <translation>Add: 크기가 같은 둘 이상의 입력을 원소별로 더합니다(잔차 연결)</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>병합</translation>
    </message>
    <message>
        <source>Concatenate: joins the features of two or more inputs side by side</source>
        <translation>Concatenate: 둘 이상의 입력의 특성을 나란히 이어 붙입니다</translation>
    </message>
</context>
<context>
    <name>Loss</name>
    <message>
        <source>Mean squared error: the squared errors averaged over the outputs.</source>
        <translation>평균 제곱 오차(MSE): 오차의 제곱을 출력들에 대해 평균한 값입니다.</translation>
    </message>
    <message>
        <source>E_total = Σ ½(target − output)²: half the squared error.</source>
        <translation>E_total = Σ ½(target − output)²: 오차 제곱의 절반입니다.</translation>
    </message>
    <message>
        <source>Binary cross-entropy: −[t·log o + (1 − t)·log(1 − o)].</source>
        <translation>이진 크로스 엔트로피: −[t·log o + (1 − t)·log(1 − o)].</translation>
    </message>
    <message>
        <source>Cross-entropy: −Σ target·log output.</source>
        <translation>크로스 엔트로피: −Σ target·log output.</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <source>The neuron view draws layers of up to {0} units; layer &apos;{1}&apos; has {2}.</source>
        <translation>뉴런 보기는 유닛이 최대 {0}개인 층까지 그립니다. &apos;{1}&apos; 층에는 {2}개가 있습니다.</translation>
    </message>
    <message>
        <source>The neuron view draws up to {0} layers; this network has {1}.</source>
        <translation>뉴런 보기는 층을 최대 {0}개까지 그립니다. 이 신경망에는 {1}개가 있습니다.</translation>
    </message>
</context>
<context>
    <name>Param</name>
    <message>
        <source>x: no non-linearity; use for regression outputs</source>
        <translation>x: 비선형성 없음. 회귀 출력에 씁니다</translation>
    </message>
    <message>
        <source>1 if x &gt; 0 else 0: the perceptron&apos;s threshold; no gradient (perceptron rule)</source>
        <translation>x &gt; 0이면 1, 아니면 0: 퍼셉트론의 임계치. 기울기 없음(퍼셉트론 학습 규칙)</translation>
    </message>
    <message>
        <source>1/(1+e^-x): squashes to (0, 1); saturates (vanishing gradient) for large |x|</source>
        <translation>1/(1+e^-x): (0, 1)로 압축합니다. |x|가 크면 포화됩니다(기울기 소실)</translation>
    </message>
    <message>
        <source>tanh(x): squashes to (-1, 1), zero-centred; saturates for large |x|</source>
        <translation>tanh(x): (-1, 1)로 압축하며 중심이 0입니다. |x|가 크면 포화됩니다</translation>
    </message>
    <message>
        <source>max(0, x): cheap, does not saturate for x &gt; 0</source>
        <translation>max(0, x): 계산이 싸고, x &gt; 0에서 포화되지 않습니다</translation>
    </message>
    <message>
        <source>max(alpha*x, x): ReLU with a small slope alpha (default 0.1) for x &lt; 0</source>
        <translation>max(alpha*x, x): x &lt; 0에서 작은 기울기 alpha(기본값 0.1)를 가진 ReLU</translation>
    </message>
    <message>
        <source>slope α for z &lt; 0 (the lecture: 0.1; Keras 0.3; PyTorch 0.01)</source>
        <translation>z &lt; 0에서의 기울기 α(강의: 0.1, Keras 0.3, PyTorch 0.01)</translation>
    </message>
    <message>
        <source>x if x &gt; 0 else alpha*(e^x - 1): smooth ReLU whose outputs can be negative</source>
        <translation>x &gt; 0이면 x, 아니면 alpha*(e^x - 1): 출력이 음수일 수 있는 매끄러운 ReLU</translation>
    </message>
    <message>
        <source>α: ELU tends to −α for very negative z (PyTorch and Keras: 1.0)</source>
        <translation>α: z가 아주 작은 음수이면 ELU는 −α에 가까워집니다(PyTorch와 Keras: 1.0)</translation>
    </message>
    <message>
        <source>e^x_i / sum_j e^x_j over a sample&apos;s outputs: class probabilities that sum to 1</source>
        <translation>샘플의 출력에 대한 e^x_i / sum_j e^x_j: 합이 1인 클래스 확률</translation>
    </message>
    <message>
        <source>The features it outputs, one column each: xi, xi^2, xi*xj, sin(xi) or cos(xi), numbered from 1 (e.g. x1, x2, x1*x2)</source>
        <translation>출력하는 특성, 하나에 한 열씩: xi, xi^2, xi*xj, sin(xi), cos(xi), 번호는 1부터(예: x1, x2, x1*x2)</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>항</translation>
    </message>
    <message>
        <source>all 0: fine for biases; for weights every unit stays identical (no symmetry break)</source>
        <translation>모두 0: 편향에는 괜찮지만, 가중치에 쓰면 모든 유닛이 똑같이 남습니다(대칭이 깨지지 않음)</translation>
    </message>
    <message>
        <source>all 1: mainly for scales such as BatchNorm&apos;s gamma</source>
        <translation>모두 1: 주로 BatchNorm의 gamma 같은 스케일에 씁니다</translation>
    </message>
    <message>
        <source>every entry equals value</source>
        <translation>모든 원소가 value와 같습니다</translation>
    </message>
    <message>
        <source>the value of every entry</source>
        <translation>모든 원소의 값</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>U(minval, maxval), default U(-0.05, 0.05): Keras&apos; &apos;uniform&apos; from the lecture</source>
        <translation>U(minval, maxval), 기본값 U(-0.05, 0.05): 강의의 Keras &apos;uniform&apos;</translation>
    </message>
    <message>
        <source>lower end of the interval</source>
        <translation>구간의 아래 끝</translation>
    </message>
    <message>
        <source>minval</source>
        <translation>최솟값 minval</translation>
    </message>
    <message>
        <source>upper end of the interval</source>
        <translation>구간의 위 끝</translation>
    </message>
    <message>
        <source>maxval</source>
        <translation>최댓값 maxval</translation>
    </message>
    <message>
        <source>N(mean, stddev^2), default stddev 0.05</source>
        <translation>N(mean, stddev^2), 기본 stddev 0.05</translation>
    </message>
    <message>
        <source>centre of the distribution</source>
        <translation>분포의 중심</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <source>stddev</source>
        <translation>표준편차 stddev</translation>
    </message>
    <message>
        <source>Xavier: U(-sqrt(6/(n_in+n_out)), +sqrt(6/(n_in+n_out))); sigmoid/tanh</source>
        <translation>세이비어(Xavier): U(-sqrt(6/(n_in+n_out)), +sqrt(6/(n_in+n_out))). sigmoid/tanh용</translation>
    </message>
    <message>
        <source>Xavier: normal with sigma = sqrt(2/(n_in+n_out)); good with sigmoid/tanh</source>
        <translation>세이비어(Xavier): sigma = sqrt(2/(n_in+n_out))인 정규 분포. sigmoid/tanh와 잘 맞습니다</translation>
    </message>
    <message>
        <source>He: U(-sqrt(6/n_in), +sqrt(6/n_in)); the usual pairing with ReLU</source>
        <translation>He: U(-sqrt(6/n_in), +sqrt(6/n_in)). ReLU와 흔히 짝을 이룹니다</translation>
    </message>
    <message>
        <source>He: normal with sigma = sqrt(2/n_in); the usual pairing with ReLU</source>
        <translation>He: sigma = sqrt(2/n_in)인 정규 분포. ReLU와 흔히 짝을 이룹니다</translation>
    </message>
    <message>
        <source>Number of input features</source>
        <translation>입력 특성의 수</translation>
    </message>
    <message>
        <source>units</source>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>Number of neurons in this layer</source>
        <translation>이 층의 뉴런 수</translation>
    </message>
    <message>
        <source>Non-linearity applied to X·W + b</source>
        <translation>X·W + b에 적용하는 비선형 함수</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Add a learned bias b to every neuron</source>
        <translation>모든 뉴런에 학습되는 편향 b를 더합니다</translation>
    </message>
    <message>
        <source>use bias</source>
        <translation>편향 사용</translation>
    </message>
    <message>
        <source>How W starts</source>
        <translation>W의 초깃값</translation>
    </message>
    <message>
        <source>kernel initializer</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <source>How b starts</source>
        <translation>b의 초깃값</translation>
    </message>
    <message>
        <source>bias initializer</source>
        <translation>편향 초기화</translation>
    </message>
    <message>
        <source>L1/L2 penalty on W: λ1·Σ|W| + λ2·ΣW²</source>
        <translation>W에 대한 L1/L2 벌점: λ1·Σ|W| + λ2·ΣW²</translation>
    </message>
    <message>
        <source>kernel regularizer</source>
        <translation>가중치 규제</translation>
    </message>
    <message>
        <source>The non-linearity to apply</source>
        <translation>적용할 비선형 함수</translation>
    </message>
    <message>
        <source>Fraction of units dropped while training</source>
        <translation>학습할 때 버리는 유닛의 비율</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>Standard deviation σ of the noise added to every value while training</source>
        <translation>학습할 때 모든 값에 더하는 노이즈의 표준편차 σ</translation>
    </message>
    <message>
        <source>Added to the variance before the square root</source>
        <translation>제곱근을 구하기 전에 분산에 더하는 값</translation>
    </message>
    <message>
        <source>epsilon</source>
        <translation>엡실론</translation>
    </message>
    <message>
        <source>Weight of the new batch in the running averages</source>
        <translation>이동 평균에서 새 배치가 차지하는 비중</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>mean of (y - y_hat)^2 over every output of every sample; for regression</source>
        <translation>모든 샘플의 모든 출력에 대한 (y - y_hat)^2의 평균. 회귀용</translation>
    </message>
    <message>
        <source>sum of 1/2 (target - output)^2 per sample, averaged: the lecture&apos;s E_total</source>
        <translation>샘플마다 1/2 (target - output)^2의 합을 구해 평균: 강의의 E_total</translation>
    </message>
    <message>
        <source>-[t log p + (1-t) log(1-p)] averaged; sigmoid outputs, yes/no labels</source>
        <translation>-[t log p + (1-t) log(1-p)]의 평균. sigmoid 출력, 예/아니요 레이블</translation>
    </message>
    <message>
        <source>-sum t_k log p_k per sample, averaged; softmax outputs, one-hot</source>
        <translation>샘플마다 -sum t_k log p_k를 구해 평균. softmax 출력, 원-핫</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>How each step uses the gradient.</source>
        <translation>각 스텝이 기울기를 쓰는 방법입니다.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate: the size of each step.</source>
        <translation>학습률: 각 스텝의 크기입니다.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Small number added to the denominator so it is never zero.</source>
        <translation>분모가 0이 되지 않도록 더하는 작은 수입니다.</translation>
    </message>
    <message>
        <source>ε (epsilon)</source>
        <translation>ε (엡실론)</translation>
    </message>
    <message>
        <source>Momentum μ: how much of the previous step is kept (0 = off).</source>
        <translation>모멘텀 μ: 이전 스텝을 얼마나 유지할지(0 = 끔).</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>모멘텀 μ</translation>
    </message>
    <message>
        <source>Nesterov momentum: look ahead (needs momentum &gt; 0).</source>
        <translation>Nesterov 모멘텀: 앞을 내다봅니다(모멘텀 &gt; 0 필요).</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Decay ρ of the running average of squared gradients.</source>
        <translation>기울기 제곱의 이동 평균의 감쇠율 ρ.</translation>
    </message>
    <message>
        <source>ρ (rho)</source>
        <translation>ρ (rho)</translation>
    </message>
    <message>
        <source>Decay β1 of the running average of gradients (first moment).</source>
        <translation>기울기의 이동 평균(1차 모멘트)의 감쇠율 β1.</translation>
    </message>
    <message>
        <source>Decay β2 of the running average of squared gradients.</source>
        <translation>기울기 제곱의 이동 평균의 감쇠율 β2.</translation>
    </message>
    <message>
        <source>AMSGrad: divide by the largest second moment so far.</source>
        <translation>AMSGrad: 지금까지 가장 큰 2차 모멘트로 나눕니다.</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Scale each gradient tensor so its L2 norm is at most this.</source>
        <translation>각 기울기 텐서의 L2 노름이 이 값을 넘지 않도록 줄입니다.</translation>
    </message>
    <message>
        <source>Clip norm (per tensor)</source>
        <translation>클리핑 노름(텐서별)</translation>
    </message>
    <message>
        <source>Scale all gradients so their joint L2 norm is at most this.</source>
        <translation>모든 기울기를 합친 L2 노름이 이 값을 넘지 않도록 줄입니다.</translation>
    </message>
    <message>
        <source>Clip global norm</source>
        <translation>전체 노름 클리핑</translation>
    </message>
    <message>
        <source>Clip every gradient entry to [−value, +value].</source>
        <translation>기울기의 모든 원소를 [−value, +value]로 자릅니다.</translation>
    </message>
    <message>
        <source>Clip value</source>
        <translation>값 클리핑</translation>
    </message>
    <message>
        <source>Gradient descent θ ← θ − lr·g, optionally with momentum or Nesterov momentum.</source>
        <translation>경사 하강법 θ ← θ − lr·g, 모멘텀이나 Nesterov 모멘텀을 더할 수 있습니다.</translation>
    </message>
    <message>
        <source>Adagrad: divides each step by the root of the sum of all past squared gradients.</source>
        <translation>Adagrad: 각 스텝을 지금까지 모든 기울기 제곱의 합의 제곱근으로 나눕니다.</translation>
    </message>
    <message>
        <source>RMSprop: divides each step by the root of a running average of squared gradients.</source>
        <translation>RMSprop: 각 스텝을 기울기 제곱의 이동 평균의 제곱근으로 나눕니다.</translation>
    </message>
    <message>
        <source>Adam: momentum plus RMSprop-style scaling, both bias-corrected for the first steps.</source>
        <translation>Adam: 모멘텀에 RMSprop 방식의 스케일 조정을 더하고, 처음 스텝들을 위해 둘 다 편향 보정합니다.</translation>
    </message>
    <message>
        <source>A few samples typed in directly, such as the lecture&apos;s single backprop example.</source>
        <translation>강의의 역전파 예제 하나처럼, 직접 입력한 몇 개의 샘플입니다.</translation>
    </message>
    <message>
        <source>The four rows 00, 01, 10, 11 of a logic gate, in that order and never split.</source>
        <translation>논리 게이트의 네 행 00, 01, 10, 11을 이 순서로, 나누지 않고 씁니다.</translation>
    </message>
    <message>
        <source>Two classes: points inside a circle (1) and points in a ring around it (0).</source>
        <translation>두 클래스: 원 안의 점(1)과 그 둘레 고리의 점(0).</translation>
    </message>
    <message>
        <source>Quadrant XOR: class 1 where exactly one of the two coordinates is positive.</source>
        <translation>사분면 XOR: 두 좌표 중 정확히 하나가 양수인 곳이 클래스 1입니다.</translation>
    </message>
    <message>
        <source>Round blobs of points, one per class; noise is each blob&apos;s standard deviation.</source>
        <translation>클래스마다 하나씩 둥근 점 덩어리. 노이즈는 각 덩어리의 표준편차입니다.</translation>
    </message>
    <message>
        <source>Interleaved spiral arms, one per class; hard for a network without hidden layers.</source>
        <translation>클래스마다 하나씩 서로 맞물린 나선 팔. 은닉층 없는 신경망에는 어렵습니다.</translation>
    </message>
    <message>
        <source>Two interleaving half circles, one per class.</source>
        <translation>클래스마다 하나씩 서로 맞물린 두 반원.</translation>
    </message>
    <message>
        <source>Two classes: points above (1) and below (0) a curve y = f(x): sine, cubic or |x|.</source>
        <translation>두 클래스: 곡선 y = f(x)(사인, 삼차식, |x|)의 위(1)와 아래(0)의 점.</translation>
    </message>
    <message>
        <source>A few noisy samples of sin(pi x) on [-1, 1]; a big network overfits them.</source>
        <translation>[-1, 1]에서 노이즈가 섞인 sin(pi x)의 샘플 몇 개. 큰 신경망은 과적합합니다.</translation>
    </message>
    <message>
        <source>Regression on the plane: the target is (x1 + x2)/2 plus noise.</source>
        <translation>평면 위의 회귀: 목표값은 (x1 + x2)/2에 노이즈를 더한 값입니다.</translation>
    </message>
    <message>
        <source>Regression: a bump at (-0.5, -0.5), a dip at (0.5, 0.5), plus noise.</source>
        <translation>회귀: (-0.5, -0.5)의 봉우리, (0.5, 0.5)의 골짜기, 그리고 노이즈.</translation>
    </message>
    <message>
        <source>Fisher&apos;s Iris flowers: 4 measurements, 3 species (the lecture&apos;s Keras example).</source>
        <translation>Fisher의 Iris 꽃: 측정값 4개, 품종 3개(강의의 Keras 예제).</translation>
    </message>
    <message>
        <source>Your own table: numeric feature columns and one target column, from a CSV file.</source>
        <translation>직접 만든 표: CSV 파일의 숫자 특성 열들과 목표값 열 하나.</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>직접 입력</translation>
    </message>
    <message>
        <source>truth table</source>
        <translation>진리표</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>원</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>xor</translation>
    </message>
    <message>
        <source>gaussians</source>
        <translation>가우시안</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>반달</translation>
    </message>
    <message>
        <source>function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>regression 1d</source>
        <translation>1차원 회귀</translation>
    </message>
    <message>
        <source>regression plane</source>
        <translation>평면 회귀</translation>
    </message>
    <message>
        <source>regression gaussians</source>
        <translation>가우시안 회귀</translation>
    </message>
    <message>
        <source>iris</source>
        <translation>iris</translation>
    </message>
    <message>
        <source>csv</source>
        <translation>csv</translation>
    </message>
    <message>
        <source>Where the training samples come from.</source>
        <translation>학습 샘플을 가져오는 곳입니다.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Number of samples.</source>
        <translation>샘플 수입니다.</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>Gaussian noise, in units of the data&apos;s own scale.</source>
        <translation>데이터 자체의 스케일 단위로 나타낸 가우시안 노이즈입니다.</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <source>Fraction of the samples kept apart for validation.</source>
        <translation>검증용으로 따로 두는 샘플의 비율입니다.</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>Number of classes.</source>
        <translation>클래스 수입니다.</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <source>Which draw of the samples (0: the seed&apos;s own); the initial weights stay.</source>
        <translation>샘플을 몇 번째로 뽑을지(0: 시드 자체의 것). 초기 가중치는 그대로입니다.</translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation>데이터 시드</translation>
    </message>
    <message>
        <source>Shift and scale each feature to mean 0, std 1 (statistics of the train split).</source>
        <translation>각 특성을 평균 0, 표준편차 1로 옮기고 스케일을 조정합니다(학습 데이터의 통계).</translation>
    </message>
    <message>
        <source>Standardize</source>
        <translation>표준화</translation>
    </message>
    <message>
        <source>Input rows, one list of numbers per sample.</source>
        <translation>입력 행, 샘플마다 숫자 목록 하나.</translation>
    </message>
    <message>
        <source>Inputs x</source>
        <translation>입력 x</translation>
    </message>
    <message>
        <source>Target rows (or one number per sample).</source>
        <translation>목표값 행(또는 샘플마다 숫자 하나).</translation>
    </message>
    <message>
        <source>Targets y</source>
        <translation>목표값 y</translation>
    </message>
    <message>
        <source>The logic gate to learn.</source>
        <translation>학습할 논리 게이트입니다.</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>게이트</translation>
    </message>
    <message>
        <source>The curve that separates the classes.</source>
        <translation>클래스를 나누는 곡선입니다.</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>The CSV file, relative to the diagram&apos;s folder.</source>
        <translation>CSV 파일, 다이어그램 폴더를 기준으로 한 경로입니다.</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 파일</translation>
    </message>
    <message>
        <source>Feature columns (default: all but the target).</source>
        <translation>특성 열(기본값: 목표값을 뺀 전부).</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Target column (default: the last column).</source>
        <translation>목표값 열(기본값: 마지막 열).</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>목표값</translation>
    </message>
    <message>
        <source>auto: text or 0/1 targets are classes, other numbers are regression.</source>
        <translation>auto: 텍스트나 0/1 목표값은 클래스, 그 밖의 숫자는 회귀입니다.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>과제</translation>
    </message>
    <message>
        <source>What training minimises: how far the outputs are from the targets.</source>
        <translation>학습이 최소화하는 것: 출력이 목표값에서 얼마나 떨어져 있는지입니다.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>The perceptron rule trains a single layer of step units</source>
        <translation>퍼셉트론 학습 규칙은 계단 함수 유닛으로 된 단층을 학습시킵니다</translation>
    </message>
    <message>
        <source>Learning rule</source>
        <translation>학습 규칙</translation>
    </message>
    <message>
        <source>backpropagation</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>perceptron rule</source>
        <translation>퍼셉트론 학습 규칙</translation>
    </message>
    <message>
        <source>Samples per step: all of them, a mini-batch, or one at a time (stochastic).</source>
        <translation>한 스텝의 샘플 수: 전부, 미니 배치, 또는 한 번에 하나(확률적).</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>Shuffle the training rows again every epoch (mini-batch modes).</source>
        <translation>에포크마다 학습 행을 다시 섞습니다(미니 배치 방식).</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>섞기</translation>
    </message>
    <message>
        <source>The same seed gives the same data and the same initial weights</source>
        <translation>같은 시드는 같은 데이터와 같은 초기 가중치를 줍니다</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Floating-point precision of the weights and the data.</source>
        <translation>가중치와 데이터의 부동소수점 정밀도입니다.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>float64 (exact)</source>
        <translation>float64 (정확)</translation>
    </message>
    <message>
        <source>float32 (faster)</source>
        <translation>float32 (더 빠름)</translation>
    </message>
    <message>
        <source>Add fresh Gaussian noise of this σ to every batch&apos;s inputs</source>
        <translation>모든 배치의 입력에 표준편차 σ인 새 가우시안 노이즈를 더합니다</translation>
    </message>
    <message>
        <source>Augment (noise)</source>
        <translation>데이터 증강(노이즈)</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>Layer {nid} is hidden: each of its units feeds every unit of the next layer, so ∂E/∂(unit) adds up what comes back along each of those edges; then the chain rule goes on exactly as for the outputs.</source>
        <translation>{nid} 층은 은닉층입니다: 각 유닛이 다음 층의 모든 유닛으로 이어지므로, ∂E/∂(유닛)은 그 연결 하나하나를 따라 돌아오는 값을 모두 더한 것입니다. 그다음 연쇄 법칙은 출력층과 똑같이 이어집니다.</translation>
    </message>
    <message>
        <source>The chain rule splits each weight&apos;s gradient into three factors: how the loss changes with the output, how the output changes with its net input z, and how z changes with the weight (that is just the input on the weight&apos;s edge).</source>
        <translation>연쇄 법칙은 각 가중치의 기울기를 세 인수로 나눕니다: 출력에 따라 손실이 변하는 정도, 순입력 z에 따라 출력이 변하는 정도, 가중치에 따라 z가 변하는 정도(이것은 바로 그 가중치 연결의 입력값입니다).</translation>
    </message>
    <message>
        <source>With this output activation and loss, ∂E/∂z is taken in one go; each weight&apos;s gradient is then ∂E/∂z times the input on its edge.</source>
        <translation>이 출력 활성화 함수와 손실 함수에서는 ∂E/∂z를 한 번에 구합니다. 그러면 각 가중치의 기울기는 ∂E/∂z에 그 연결의 입력값을 곱한 것입니다.</translation>
    </message>
    <message>
        <source>target {0}</source>
        <translation>목표값 {0}</translation>
    </message>
    <message>
        <source>α (learning rate)</source>
        <translation>α (학습률)</translation>
    </message>
    <message>
        <source>Iteration {0}: the starting point</source>
        <translation>반복 {0}: 출발점</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>The inputs and targets of this sample and every weight before the step.</source>
        <translation>이 샘플의 입력과 목표값, 그리고 이번 스텝 전의 모든 가중치입니다.</translation>
    </message>
    <message>
        <source>Forward pass: layer {0}</source>
        <translation>순전파: {0} 층</translation>
    </message>
    <message>
        <source>Forward {0}</source>
        <translation>순전파 {0}</translation>
    </message>
    <message>
        <source>Each unit of {0} sums its weighted inputs, z = Σ w·x, and applies its activation, {1}.</source>
        <translation>{0} 층의 각 유닛은 가중 입력을 더하고(z = Σ w·x) 활성화 함수 {1}을(를) 적용합니다.</translation>
    </message>
    <message>
        <source>λ-terms of the regularizers</source>
        <translation>규제의 λ 항</translation>
    </message>
    <message>
        <source>penalty</source>
        <translation>벌점</translation>
    </message>
    <message>
        <source>The loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>  ({0} and cross-entropy combined)</source>
        <translation>  ({0}와(과) 크로스 엔트로피를 합침)</translation>
    </message>
    <message>
        <source>({0} ties the outputs together)</source>
        <translation>({0}은(는) 출력들을 서로 묶음)</translation>
    </message>
    <message>
        <source> + regularizer</source>
        <translation> + 규제</translation>
    </message>
    <message>
        <source>Backward pass: output layer {0}</source>
        <translation>역전파: 출력층 {0}</translation>
    </message>
    <message>
        <source>Backward pass: hidden layer {0}</source>
        <translation>역전파: 은닉층 {0}</translation>
    </message>
    <message>
        <source>Backward {0}</source>
        <translation>역전파 {0}</translation>
    </message>
    <message>
        <source>{0} step from {1} = {2}</source>
        <translation>{1} = {2}에서 {0} 스텝</translation>
    </message>
    <message>
        <source>Gradient descent moves every weight a step against its gradient, all at once: W⁺ = W − α·∂E/∂W.</source>
        <translation>경사 하강법은 모든 가중치를 한꺼번에 기울기의 반대 방향으로 한 스텝 옮깁니다: W⁺ = W − α·∂E/∂W.</translation>
    </message>
    <message>
        <source>The {0} optimizer turns each gradient into a step (its rule keeps running averages, so the step is not simply α times the gradient).</source>
        <translation>{0} 옵티마이저는 각 기울기를 한 스텝으로 바꿉니다(규칙이 이동 평균을 유지하므로 스텝이 단순히 α 곱하기 기울기는 아닙니다).</translation>
    </message>
    <message>
        <source>The update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <source>change</source>
        <translation>변화</translation>
    </message>
    <message>
        <source>The same input through the updated weights: the loss fell, and every unit has a new value.</source>
        <translation>같은 입력을 업데이트된 가중치에 통과시킵니다: 손실이 줄었고, 모든 유닛이 새 값을 가집니다.</translation>
    </message>
    <message>
        <source>The same input through the updated weights: the loss rose, and every unit has a new value.</source>
        <translation>같은 입력을 업데이트된 가중치에 통과시킵니다: 손실이 늘었고, 모든 유닛이 새 값을 가집니다.</translation>
    </message>
    <message>
        <source>The same input through the updated weights: the loss stayed the same, and every unit has a new value.</source>
        <translation>같은 입력을 업데이트된 가중치에 통과시킵니다: 손실은 그대로이고, 모든 유닛이 새 값을 가집니다.</translation>
    </message>
    <message>
        <source>After the update</source>
        <translation>업데이트 후</translation>
    </message>
    <message>
        <source>After</source>
        <translation>업데이트 후</translation>
    </message>
    <message>
        <source>Note: the slides print 0.68047 for o2 — that is z4 ({0}). The output is o2 = σ(z4) = {1} (≈ 0.66384).</source>
        <translation>참고: 슬라이드는 o2를 0.68047로 적었지만 — 그것은 z4({0})입니다. 출력은 o2 = σ(z4) = {1} (≈ 0.66384)입니다.</translation>
    </message>
    <message>
        <source>Note: the slides write W1⁺ = 0.1 − 0.5 × … — a typo: W1 is {0}, so W1⁺ = {0} − 0.5 × {1} = {2}.</source>
        <translation>참고: 슬라이드는 W1⁺ = 0.1 − 0.5 × …로 적었지만 — 오타입니다: W1은 {0}이므로 W1⁺ = {0} − 0.5 × {1} = {2}입니다.</translation>
    </message>
    <message>
        <source>The data set has {0} samples; the stepper shows one sample per iteration (batch size 1) so that every product can be written out.</source>
        <translation>데이터셋에 샘플이 {0}개 있습니다. 모든 곱을 적어 보일 수 있도록 단계별 보기는 반복마다 샘플 하나를 보여 줍니다(배치 크기 1).</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Try a lower learning rate, gradient clipping (clipnorm), normalization (BatchNorm), or a better initializer (He/Glorot).</source>
        <translation>더 낮은 학습률, 그래디언트 클리핑(clipnorm), 정규화(BatchNorm), 또는 더 나은 가중치 초기화(He/Glorot)를 써 보세요.</translation>
    </message>
    <message>
        <source>Training diverged at step {0}: {1}. {2}</source>
        <translation>스텝 {0}에서 학습이 발산했습니다: {1}. {2}</translation>
    </message>
    <message>
        <source>the parameter {0} of &apos;{1}&apos; became NaN</source>
        <translation>&apos;{1}&apos;의 매개변수 {0}이(가) NaN이 되었습니다</translation>
    </message>
    <message>
        <source>the parameter {0} of &apos;{1}&apos; became infinite</source>
        <translation>&apos;{1}&apos;의 매개변수 {0}이(가) 무한대가 되었습니다</translation>
    </message>
    <message>
        <source>the parameter {0} of &apos;{1}&apos; grew beyond {2:g} (exploding weights)</source>
        <translation>&apos;{1}&apos;의 매개변수 {0}이(가) {2:g}를 넘어섰습니다(가중치 폭주)</translation>
    </message>
    <message>
        <source>the loss became NaN</source>
        <translation>손실이 NaN이 되었습니다</translation>
    </message>
    <message>
        <source>the loss became infinite</source>
        <translation>손실이 무한대가 되었습니다</translation>
    </message>
    <message>
        <source>The training thread stopped unexpectedly: {0!r}</source>
        <translation>학습 스레드가 예기치 않게 멈췄습니다: {0!r}</translation>
    </message>
    <message>
        <source>The training process stopped unexpectedly</source>
        <translation>학습 프로세스가 예기치 않게 멈췄습니다</translation>
    </message>
    <message>
        <source>The training process could not start</source>
        <translation>학습 프로세스를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>{0} (exit code {1}).</source>
        <translation>{0} (종료 코드 {1}).</translation>
    </message>
    <message>
        <source>After {0:,} steps the accuracy is still {1:.0%}, no better than always guessing the most common class ({2:.0%}). </source>
        <translation>{0:,} 스텝이 지났는데도 정확도가 {1:.0%}로, 늘 가장 흔한 클래스를 답하는 것({2:.0%})보다 나을 게 없습니다. </translation>
    </message>
    <message>
        <source>With no non-linear activation before the output, the network can only draw a straight boundary: give a hidden Dense layer tanh or ReLU in the Inspector.</source>
        <translation>출력 앞에 비선형 활성화 함수가 없으면 신경망은 직선 경계만 그릴 수 있습니다: 속성 패널에서 은닉 Dense 층에 tanh나 ReLU를 주세요.</translation>
    </message>
    <message>
        <source>Try a larger learning rate or the Adam optimizer in the Training panel, or more hidden units.</source>
        <translation>학습 패널에서 더 큰 학습률이나 Adam 옵티마이저를 쓰거나, 은닉 유닛을 늘려 보세요.</translation>
    </message>
</context>
<context>
    <name>activations</name>
    <message>
        <source>leaky_relu alpha must be in [0, 1), got {0!r}</source>
        <translation>leaky_relu의 alpha는 [0, 1) 안에 있어야 합니다(받은 값: {0!r})</translation>
    </message>
</context>
<context>
    <name>augmentation</name>
    <message>
        <source>augmentation noise must be a number &gt;= 0, got {0!r}</source>
        <translation>데이터 증강 노이즈는 0 이상의 수여야 합니다(받은 값: {0!r})</translation>
    </message>
</context>
<context>
    <name>backprop_names</name>
    <message>
        <source>the backprop stepper needs a network trained by backpropagation, but this one uses the perceptron rule (open the Perceptron lab for step units)</source>
        <translation>역전파 단계별 보기에는 역전파로 학습하는 신경망이 필요하지만, 이 신경망은 퍼셉트론 학습 규칙을 씁니다(계단 함수 유닛은 퍼셉트론 실습을 여세요)</translation>
    </message>
    <message>
        <source>the backprop stepper shows chains of Dense layers only, but &apos;{0}&apos; is a {1} layer</source>
        <translation>역전파 단계별 보기는 Dense 층의 사슬만 보여 주지만, &apos;{0}&apos;은(는) {1} 층입니다</translation>
    </message>
    <message>
        <source>the backprop stepper shows a single chain of layers, but &apos;{0}&apos; does not simply follow &apos;{1}&apos;</source>
        <translation>역전파 단계별 보기는 층의 사슬 하나만 보여 주지만, &apos;{0}&apos;은(는) &apos;{1}&apos; 바로 뒤에 이어지지 않습니다</translation>
    </message>
    <message>
        <source>the backprop stepper shows at most {0} Dense layers, but this network has {1}</source>
        <translation>역전파 단계별 보기는 Dense 층을 최대 {0}개까지 보여 주지만, 이 신경망에는 {1}개가 있습니다</translation>
    </message>
    <message>
        <source>the backprop stepper shows at most {0} units per layer, but &apos;{1}&apos; has {2}</source>
        <translation>역전파 단계별 보기는 층마다 유닛을 최대 {0}개까지 보여 주지만, &apos;{1}&apos;에는 {2}개가 있습니다</translation>
    </message>
</context>
<context>
    <name>boundary</name>
    <message>
        <source>a decision boundary needs 2-D data (two input features)</source>
        <translation>결정 경계에는 2차원 데이터(입력 특성 두 개)가 필요합니다</translation>
    </message>
    <message>
        <source>the boundary grid needs at least 2 points a side, not {0}</source>
        <translation>경계 격자에는 한 변에 적어도 점 2개가 필요합니다({0}개가 아님)</translation>
    </message>
    <message>
        <source>expected {0} predictions, got {1}</source>
        <translation>예측 {0}개를 기대했지만 {1}개를 받았습니다</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>only networks trained by backprop can be exported; this one uses the perceptron rule</source>
        <translation>역전파로 학습하는 신경망만 내보낼 수 있습니다. 이 신경망은 퍼셉트론 학습 규칙을 씁니다</translation>
    </message>
    <message>
        <source>layer &apos;{0}&apos; is a {1}, which cannot be exported yet</source>
        <translation>&apos;{0}&apos; 층은 {1}이며, 아직 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>layer &apos;{0}&apos; uses the activation {1}, which cannot be exported yet</source>
        <translation>&apos;{0}&apos; 층은 활성화 함수 {1}을(를) 쓰며, 아직 내보낼 수 없습니다</translation>
    </message>
</context>
<context>
    <name>comparisons</name>
    <message>
        <source>unknown optimizer &apos;{0}&apos; (choose one of: {1})</source>
        <translation>알 수 없는 옵티마이저 &apos;{0}&apos;(다음 중에서 고르세요: {1})</translation>
    </message>
    <message>
        <source>unknown comparison &apos;{0}&apos; (choose one of: {1})</source>
        <translation>알 수 없는 비교 &apos;{0}&apos;(다음 중에서 고르세요: {1})</translation>
    </message>
</context>
<context>
    <name>confusion</name>
    <message>
        <source>class rows must be 2-D, got shape {0}</source>
        <translation>클래스 행은 2차원이어야 합니다(받은 모양: {0})</translation>
    </message>
    <message>
        <source>predictions and targets have different numbers of rows</source>
        <translation>예측과 목표값의 행 수가 다릅니다</translation>
    </message>
</context>
<context>
    <name>csv_data</name>
    <message>
        <source>{0} line {1} has {2} fields but the header has {3}</source>
        <translation>{0}의 {1}번째 줄에는 필드가 {2}개 있지만 헤더에는 {3}개가 있습니다</translation>
    </message>
    <message>
        <source>{0} has more than {1} rows</source>
        <translation>{0}에 행이 {1}개보다 많습니다</translation>
    </message>
    <message>
        <source>cannot read data file {0}: {1}</source>
        <translation>데이터 파일 {0}을(를) 읽을 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>data file {0} is empty</source>
        <translation>데이터 파일 {0}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>{0} has more than one column named &apos;{1}&apos;</source>
        <translation>{0}에 이름이 &apos;{1}&apos;인 열이 둘 이상 있습니다</translation>
    </message>
    <message>
        <source>{0} has a header but no data rows</source>
        <translation>{0}에 헤더는 있지만 데이터 행이 없습니다</translation>
    </message>
    <message>
        <source>{0} line {1}, column &apos;{2}&apos;: {3!r} is not a finite number</source>
        <translation>{0}의 {1}번째 줄, &apos;{2}&apos; 열: {3!r}은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>column &apos;{0}&apos; is not in {1} (columns: {2})</source>
        <translation>&apos;{0}&apos; 열이 {1}에 없습니다(열: {2})</translation>
    </message>
    <message>
        <source>column &apos;{0}&apos; of {1} cannot be both a feature and the target</source>
        <translation>{1}의 &apos;{0}&apos; 열은 특성이면서 동시에 목표값일 수 없습니다</translation>
    </message>
    <message>
        <source>{0} has no feature columns besides the target &apos;{1}&apos;</source>
        <translation>{0}에는 목표값 &apos;{1}&apos; 말고는 특성 열이 없습니다</translation>
    </message>
    <message>
        <source>column &apos;{0}&apos; of {1} holds only one class, {2!s}</source>
        <translation>{1}의 &apos;{0}&apos; 열에는 클래스가 {2!s} 하나뿐입니다</translation>
    </message>
    <message>
        <source>column &apos;{0}&apos; of {1} has {2} different values, too many classes (at most {3})</source>
        <translation>{1}의 &apos;{0}&apos; 열에 서로 다른 값이 {2}개 있어 클래스가 너무 많습니다(최대 {3}개)</translation>
    </message>
    <message>
        <source>dataset type &apos;csv&apos; needs a &apos;path&apos; to the CSV file</source>
        <translation>데이터셋 종류 &apos;csv&apos;에는 CSV 파일의 &apos;path&apos;가 필요합니다</translation>
    </message>
</context>
<context>
    <name>curve</name>
    <message>
        <source>a curve view needs data with one input and one output</source>
        <translation>곡선 보기에는 입력 하나와 출력 하나인 데이터가 필요합니다</translation>
    </message>
    <message>
        <source>the curve needs at least 2 points, not {0}</source>
        <translation>곡선에는 점이 적어도 2개 필요합니다({0}개가 아님)</translation>
    </message>
</context>
<context>
    <name>data_arrays</name>
    <message>
        <source>unknown task &apos;{0}&apos; (choose binary, multiclass, regression)</source>
        <translation>알 수 없는 과제 &apos;{0}&apos;(binary, multiclass, regression 중에서 고르세요)</translation>
    </message>
    <message>
        <source>dataset {0} must be 2-D, got shape {1}</source>
        <translation>데이터셋 {0}은(는) 2차원이어야 합니다(받은 모양: {1})</translation>
    </message>
    <message>
        <source>dataset x_train and y_train have different numbers of rows</source>
        <translation>데이터셋의 x_train과 y_train의 행 수가 다릅니다</translation>
    </message>
    <message>
        <source>dataset x_val and y_val have different numbers of rows</source>
        <translation>데이터셋의 x_val과 y_val의 행 수가 다릅니다</translation>
    </message>
    <message>
        <source>dataset x_val and x_train have different numbers of features</source>
        <translation>데이터셋의 x_val과 x_train의 특성 수가 다릅니다</translation>
    </message>
    <message>
        <source>dataset y_val and y_train have different numbers of outputs</source>
        <translation>데이터셋의 y_val과 y_train의 출력 수가 다릅니다</translation>
    </message>
    <message>
        <source>dataset feature_names do not match the number of features</source>
        <translation>데이터셋의 feature_names가 특성 수와 맞지 않습니다</translation>
    </message>
    <message>
        <source>dataset target_names do not match the number of outputs</source>
        <translation>데이터셋의 target_names가 출력 수와 맞지 않습니다</translation>
    </message>
    <message>
        <source>dataset &apos;val_split&apos; {0} leaves no training rows out of {1}</source>
        <translation>데이터셋 &apos;val_split&apos; {0}이면 {1}개 중 학습 행이 하나도 남지 않습니다</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <source>dataset must be an object with a &apos;type&apos;, got {0}</source>
        <translation>데이터셋은 &apos;type&apos;이 있는 객체여야 합니다(받은 값: {0})</translation>
    </message>
    <message>
        <source>dataset has no &apos;type&apos; (choose one of: {0})</source>
        <translation>데이터셋에 &apos;type&apos;이 없습니다(다음 중에서 고르세요: {0})</translation>
    </message>
    <message>
        <source>unknown dataset type {0!r} (choose one of: {1})</source>
        <translation>알 수 없는 데이터셋 종류 {0!r}(다음 중에서 고르세요: {1})</translation>
    </message>
    <message>
        <source>dataset dtype must be a floating-point type, got {0}</source>
        <translation>데이터셋 dtype은 부동소수점 형식이어야 합니다(받은 값: {0})</translation>
    </message>
    <message>
        <source>unknown dataset key &apos;{0}&apos; for type &apos;{1}&apos; (choose from: {2})</source>
        <translation>종류 &apos;{1}&apos;에 알 수 없는 데이터셋 키 &apos;{0}&apos;(다음 중에서 고르세요: {2})</translation>
    </message>
</context>
<context>
    <name>experiment</name>
    <message>
        <source>&apos;weights&apos; must be an object keyed by node id</source>
        <translation>&apos;weights&apos;는 노드 id를 키로 하는 객체여야 합니다</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>the Input layer &apos;{0}&apos; has {1} units but the data set has {2} features</source>
        <translation>Input 층 &apos;{0}&apos;의 유닛은 {1}개지만 데이터셋의 특성은 {2}개입니다</translation>
    </message>
    <message>
        <source>the output layer &apos;{0}&apos; has {1} units but the data set&apos;s targets have {2} columns</source>
        <translation>출력층 &apos;{0}&apos;의 유닛은 {1}개지만 데이터셋의 목표값은 {2}열입니다</translation>
    </message>
    <message>
        <source>the perceptron rule trains a single Dense layer of step units; use backprop for this network</source>
        <translation>퍼셉트론 학습 규칙은 계단 함수 유닛으로 된 Dense 층 하나만 학습시킵니다. 이 신경망에는 역전파를 쓰세요</translation>
    </message>
    <message>
        <source>a softmax output is meant for categorical_crossentropy, not {0}</source>
        <translation>softmax 출력은 {0}이(가) 아니라 categorical_crossentropy와 함께 쓰는 것입니다</translation>
    </message>
    <message>
        <source>categorical_crossentropy expects a softmax output layer</source>
        <translation>categorical_crossentropy에는 softmax 출력층이 필요합니다</translation>
    </message>
    <message>
        <source>binary_crossentropy expects a sigmoid output layer</source>
        <translation>binary_crossentropy에는 sigmoid 출력층이 필요합니다</translation>
    </message>
    <message>
        <source>step units pass no gradient, so backprop cannot train the layers before them (use sigmoid, or the perceptron rule for a single layer)</source>
        <translation>계단 함수 유닛은 기울기를 전달하지 않으므로 역전파가 그 앞의 층들을 학습시킬 수 없습니다(sigmoid를 쓰거나, 단층이라면 퍼셉트론 학습 규칙을 쓰세요)</translation>
    </message>
</context>
<context>
    <name>explorer</name>
    <message>
        <source>the explorer has no activation &apos;{0}&apos; (choose one of: {1})</source>
        <translation>탐색기에 활성화 함수 &apos;{0}&apos;이(가) 없습니다(다음 중에서 고르세요: {1})</translation>
    </message>
    <message>
        <source>the plot range must be lo &lt; hi with n ≥ 2 points, got {0}, {1}, {2}</source>
        <translation>그래프 범위는 lo &lt; hi이고 점이 n ≥ 2개여야 합니다(받은 값: {0}, {1}, {2})</translation>
    </message>
</context>
<context>
    <name>features</name>
    <message>
        <source>term &apos;{0}&apos;: input features are numbered from x1</source>
        <translation>항 &apos;{0}&apos;: 입력 특성의 번호는 x1부터 시작합니다</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a term (write {1}, features numbered from 1)</source>
        <translation>&apos;{0}&apos;은(는) 항이 아닙니다({1}처럼 쓰고, 특성 번호는 1부터)</translation>
    </message>
    <message>
        <source>term &apos;{0}&apos; is listed twice</source>
        <translation>항 &apos;{0}&apos;이(가) 두 번 들어 있습니다</translation>
    </message>
    <message>
        <source>term &apos;{0}&apos; reads x{1} but the input has {2} feature(s)</source>
        <translation>항 &apos;{0}&apos;은(는) x{1}을(를) 읽지만 입력의 특성은 {2}개입니다</translation>
    </message>
</context>
<context>
    <name>fileformat</name>
    <message>
        <source>the file does not hold a JSON object</source>
        <translation>파일에 JSON 객체가 없습니다</translation>
    </message>
    <message>
        <source>this is not a dlsim file (its &apos;format&apos; is {0!r})</source>
        <translation>dlsim 파일이 아닙니다(&apos;format&apos;이 {0!r}입니다)</translation>
    </message>
    <message>
        <source>&apos;version&apos; must be a whole number, not {0!r}</source>
        <translation>&apos;version&apos;은 정수여야 합니다({0!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>the file is format version {0}, but this dlsim reads up to version {1}; please update dlsim</source>
        <translation>파일의 형식 버전은 {0}이지만 이 dlsim은 버전 {1}까지만 읽습니다. dlsim을 업데이트하세요</translation>
    </message>
    <message>
        <source>&apos;version&apos; {0} is not a dlsim format version</source>
        <translation>&apos;version&apos; {0}은(는) dlsim 형식 버전이 아닙니다</translation>
    </message>
    <message>
        <source>the file contains {0}, which is not a valid number in a dlsim file</source>
        <translation>파일에 {0}이(가) 들어 있는데, dlsim 파일에서 쓸 수 있는 수가 아닙니다</translation>
    </message>
    <message>
        <source>invalid JSON at line {0}, column {1}: {2}</source>
        <translation>{0}번째 줄, {1}번째 열의 JSON이 올바르지 않습니다: {2}</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>JSON이 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>{0}: the file is {1} MiB; a dlsim file is at most 64 MiB</source>
        <translation>{0}: 파일 크기가 {1} MiB입니다. dlsim 파일은 최대 64 MiB입니다</translation>
    </message>
    <message>
        <source>{0}: no such file</source>
        <translation>{0}: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>{0}: is a folder, not a file</source>
        <translation>{0}: 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>{0}: cannot be read ({1})</source>
        <translation>{0}: 읽을 수 없습니다({1})</translation>
    </message>
    <message>
        <source>{0}: is not UTF-8 text (bad byte at offset {1})</source>
        <translation>{0}: UTF-8 텍스트가 아닙니다(오프셋 {1}에 잘못된 바이트)</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>the document contains NaN or infinity and cannot be saved</source>
        <translation>문서에 NaN이나 무한대가 들어 있어 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: cannot be saved ({1})</source>
        <translation>{0}: 저장할 수 없습니다({1})</translation>
    </message>
</context>
<context>
    <name>graph</name>
    <message>
        <source>&apos;graph&apos; must be an object with &apos;nodes&apos; and &apos;edges&apos;</source>
        <translation>&apos;graph&apos;는 &apos;nodes&apos;와 &apos;edges&apos;가 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>&apos;graph.nodes&apos; must be a list</source>
        <translation>&apos;graph.nodes&apos;는 목록이어야 합니다</translation>
    </message>
    <message>
        <source>&apos;graph.edges&apos; must be a list</source>
        <translation>&apos;graph.edges&apos;는 목록이어야 합니다</translation>
    </message>
    <message>
        <source>the graph has {0} nodes; at most {1} are allowed</source>
        <translation>그래프에 노드가 {0}개 있습니다. 최대 {1}개까지 허용됩니다</translation>
    </message>
    <message>
        <source>edge {0} must be an object with &apos;from&apos; and &apos;to&apos;</source>
        <translation>연결 {0}은(는) &apos;from&apos;과 &apos;to&apos;가 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>edge {0}: &apos;from&apos; and &apos;to&apos; must be node ids (strings)</source>
        <translation>연결 {0}: &apos;from&apos;과 &apos;to&apos;는 노드 id(문자열)여야 합니다</translation>
    </message>
    <message>
        <source>edge {0} refers to unknown node {1!r}</source>
        <translation>연결 {0}이(가) 알 수 없는 노드 {1!r}을(를) 가리킵니다</translation>
    </message>
    <message>
        <source>edge {0} from &apos;{1}&apos; to &apos;{2}&apos; is listed twice</source>
        <translation>&apos;{1}&apos;에서 &apos;{2}&apos;(으)로 가는 연결 {0}이(가) 두 번 들어 있습니다</translation>
    </message>
    <message>
        <source>every node needs a non-empty string id</source>
        <translation>모든 노드에는 비어 있지 않은 문자열 id가 필요합니다</translation>
    </message>
    <message>
        <source>two nodes share the id &apos;{0}&apos;</source>
        <translation>두 노드가 같은 id &apos;{0}&apos;을(를) 씁니다</translation>
    </message>
    <message>
        <source>the graph has a cycle through {0}</source>
        <translation>그래프에 {0}을(를) 지나는 순환이 있습니다</translation>
    </message>
    <message>
        <source>both ends must be existing nodes</source>
        <translation>양 끝이 모두 있는 노드여야 합니다</translation>
    </message>
    <message>
        <source>a layer cannot feed itself</source>
        <translation>층은 자기 자신에게 연결될 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is already connected to &apos;{1}&apos;</source>
        <translation>&apos;{0}&apos;은(는) 이미 &apos;{1}&apos;에 연결되어 있습니다</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is an Input layer: nothing can feed into it</source>
        <translation>&apos;{0}&apos;은(는) Input 층입니다: 아무것도 여기로 연결될 수 없습니다</translation>
    </message>
    <message>
        <source>the input of &apos;{0}&apos; is taken (disconnect it first)</source>
        <translation>&apos;{0}&apos;의 입력은 이미 쓰이고 있습니다(먼저 연결을 끊으세요)</translation>
    </message>
    <message>
        <source>connecting &apos;{0}&apos; to &apos;{1}&apos; would make a cycle</source>
        <translation>&apos;{0}&apos;을(를) &apos;{1}&apos;에 연결하면 순환이 생깁니다</translation>
    </message>
    <message>
        <source>Add needs equal sizes: &apos;{0}&apos; gives {1}, the others {2}</source>
        <translation>Add에는 같은 크기가 필요합니다: &apos;{0}&apos;은(는) {1}, 나머지는 {2}입니다</translation>
    </message>
    <message>
        <source>the graph has no Input layer</source>
        <translation>그래프에 Input 층이 없습니다</translation>
    </message>
    <message>
        <source>only one Input layer is supported; delete this one</source>
        <translation>Input 층은 하나만 지원합니다. 이 층을 지우세요</translation>
    </message>
    <message>
        <source>this layer is part of a cycle ({0})</source>
        <translation>이 층은 순환의 일부입니다({0})</translation>
    </message>
    <message>
        <source>{0} needs an input; connect one to it</source>
        <translation>{0}에는 입력이 필요합니다. 입력을 연결하세요</translation>
    </message>
    <message>
        <source>{0} needs at least {1} inputs; connect one to it</source>
        <translation>{0}에는 입력이 적어도 {1}개 필요합니다. 입력을 연결하세요</translation>
    </message>
    <message>
        <source>{0} takes {1} input(s)</source>
        <translation>{0}은(는) 입력을 {1}개 받습니다</translation>
    </message>
    <message>
        <source>the graph has no output layer</source>
        <translation>그래프에 출력층이 없습니다</translation>
    </message>
    <message>
        <source>the graph has several outputs ({0}); keep exactly one</source>
        <translation>그래프에 출력이 여러 개 있습니다({0}). 정확히 하나만 남기세요</translation>
    </message>
    <message>
        <source>the network has {0:,} parameters; at most {1:,} fit here</source>
        <translation>신경망의 매개변수가 {0:,}개입니다. 여기에는 최대 {1:,}개까지 들어갑니다</translation>
    </message>
    <message>
        <source>unknown layer type &apos;{0}&apos; (known types: {1})</source>
        <translation>알 수 없는 층 종류 &apos;{0}&apos;(알려진 종류: {1})</translation>
    </message>
    <message>
        <source>node {0} must be an object</source>
        <translation>노드 {0}은(는) 객체여야 합니다</translation>
    </message>
    <message>
        <source>node {0} needs a non-empty string &apos;id&apos;</source>
        <translation>노드 {0}에는 비어 있지 않은 문자열 &apos;id&apos;가 필요합니다</translation>
    </message>
    <message>
        <source>node &apos;{0}&apos; needs a string &apos;type&apos;</source>
        <translation>노드 &apos;{0}&apos;에는 문자열 &apos;type&apos;이 필요합니다</translation>
    </message>
    <message>
        <source>node &apos;{0}&apos;: &apos;params&apos; must be an object</source>
        <translation>노드 &apos;{0}&apos;: &apos;params&apos;는 객체여야 합니다</translation>
    </message>
    <message>
        <source>node &apos;{0}&apos;: &apos;pos&apos; must be two numbers [x, y]</source>
        <translation>노드 &apos;{0}&apos;: &apos;pos&apos;는 두 수 [x, y]여야 합니다</translation>
    </message>
</context>
<context>
    <name>graph_edits</name>
    <message>
        <source>unknown normalization &apos;{0}&apos; (choose one of: BatchNorm, LayerNorm)</source>
        <translation>알 수 없는 정규화 &apos;{0}&apos;(BatchNorm, LayerNorm 중에서 고르세요)</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>series capacity must be an even integer of at least 2, got {0!r}</source>
        <translation>계열 용량은 2 이상의 짝수 정수여야 합니다(받은 값: {0!r})</translation>
    </message>
</context>
<context>
    <name>initializers</name>
    <message>
        <source>uniform minval ({0}) must not be greater than maxval ({1})</source>
        <translation>uniform의 minval({0})은(는) maxval({1})보다 클 수 없습니다</translation>
    </message>
    <message>
        <source>normal stddev must not be negative, got {0}</source>
        <translation>normal의 stddev는 음수일 수 없습니다(받은 값: {0})</translation>
    </message>
</context>
<context>
    <name>interface</name>
    <message>
        <source>the number of steps must be a positive integer, got {0!r}</source>
        <translation>스텝 수는 양의 정수여야 합니다(받은 값: {0!r})</translation>
    </message>
    <message>
        <source>speed must be a positive number of steps per second, got {0!r}</source>
        <translation>속도는 초당 스텝 수로 양수여야 합니다(받은 값: {0!r})</translation>
    </message>
    <message>
        <source>the boundary grid must be 2-D (points × features), got {0}-D</source>
        <translation>경계 격자는 2차원(점 × 특성)이어야 합니다(받은 값: {0}차원)</translation>
    </message>
</context>
<context>
    <name>lab</name>
    <message>
        <source>unknown gate &apos;{0}&apos; (choose one of: {1})</source>
        <translation>알 수 없는 게이트 &apos;{0}&apos;(다음 중에서 고르세요: {1})</translation>
    </message>
    <message>
        <source>learning rate must be a positive number, got {0}</source>
        <translation>학습률은 양수여야 합니다(받은 값: {0})</translation>
    </message>
</context>
<context>
    <name>layers</name>
    <message>
        <source>Add needs inputs of equal size, got {0}</source>
        <translation>Add에는 크기가 같은 입력이 필요합니다(받은 크기: {0})</translation>
    </message>
</context>
<context>
    <name>losses</name>
    <message>
        <source>loss {0!r} got outputs of shape {1} but targets of shape {2}</source>
        <translation>손실 함수 {0!r}이(가) 받은 출력의 모양은 {1}이지만 목표값의 모양은 {2}입니다</translation>
    </message>
    <message>
        <source>unknown loss {0!r} (choose one of: {1})</source>
        <translation>알 수 없는 손실 함수 {0!r}(다음 중에서 고르세요: {1})</translation>
    </message>
</context>
<context>
    <name>named</name>
    <message>
        <source>{0} {1} must be from {2:g} to {3:g}, got {4!r}</source>
        <translation>{0}의 {1}은(는) {2:g}에서 {3:g} 사이여야 합니다(받은 값: {4!r})</translation>
    </message>
    <message>
        <source>{0} {1} must be at least {2:g}, got {4!r}</source>
        <translation>{0}의 {1}은(는) {2:g} 이상이어야 합니다(받은 값: {4!r})</translation>
    </message>
    <message>
        <source>{0} {1} must be at most {3:g}, got {4!r}</source>
        <translation>{0}의 {1}은(는) {3:g} 이하여야 합니다(받은 값: {4!r})</translation>
    </message>
    <message>
        <source>{0} {1} must be a finite number, got {2!r}</source>
        <translation>{0}의 {1}은(는) 유한한 수여야 합니다(받은 값: {2!r})</translation>
    </message>
    <message>
        <source>an {0} must be a name or a dict with a &apos;name&apos;, got {1!r}</source>
        <translation>{0}은(는) 이름이거나 &apos;name&apos;이 있는 dict여야 합니다(받은 값: {1!r})</translation>
    </message>
    <message>
        <source>unknown {0} {1!r} (choose one of: {2})</source>
        <translation>알 수 없는 {0} {1!r}(다음 중에서 고르세요: {2})</translation>
    </message>
    <message>
        <source>{0} {1!r} has no parameter {2!r} (parameters: {3})</source>
        <translation>{0} {1!r}에는 매개변수 {2!r}이(가) 없습니다(매개변수: {3})</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <source>node &apos;{0}&apos;: {1}</source>
        <translation>노드 &apos;{0}&apos;: {1}</translation>
    </message>
    <message>
        <source>weights are given for unknown node &apos;{0}&apos;</source>
        <translation>알 수 없는 노드 &apos;{0}&apos;의 가중치가 주어졌습니다</translation>
    </message>
    <message>
        <source>weights of &apos;{0}&apos; must be an object</source>
        <translation>&apos;{0}&apos;의 가중치는 객체여야 합니다</translation>
    </message>
    <message>
        <source>node &apos;{0}&apos; has no weight &apos;{1}&apos; (it has: {2})</source>
        <translation>노드 &apos;{0}&apos;에는 가중치 &apos;{1}&apos;이(가) 없습니다(있는 것: {2})</translation>
    </message>
    <message>
        <source>weight &apos;{0}.{1}&apos; must be an array of numbers</source>
        <translation>가중치 &apos;{0}.{1}&apos;은(는) 숫자 배열이어야 합니다</translation>
    </message>
    <message>
        <source>weight &apos;{0}.{1}&apos; has shape {2}, the layer needs {3}</source>
        <translation>가중치 &apos;{0}.{1}&apos;의 모양은 {2}인데, 층에는 {3}이(가) 필요합니다</translation>
    </message>
    <message>
        <source>weight &apos;{0}.{1}&apos; contains NaN or infinity</source>
        <translation>가중치 &apos;{0}.{1}&apos;에 NaN이나 무한대가 들어 있습니다</translation>
    </message>
    <message>
        <source>no weights given for {0}</source>
        <translation>{0}의 가중치가 주어지지 않았습니다</translation>
    </message>
</context>
<context>
    <name>optimizer_choices</name>
    <message>
        <source>{0} needs momentum μ greater than 0, not {1:g} (choose SGD for none)</source>
        <translation>{0}에는 0보다 큰 모멘텀 μ가 필요합니다({1:g}이(가) 아님, 모멘텀 없이 쓰려면 SGD를 고르세요)</translation>
    </message>
    <message>
        <source>unknown optimizer &apos;{0}&apos; (choose one of: {1})</source>
        <translation>알 수 없는 옵티마이저 &apos;{0}&apos;(다음 중에서 고르세요: {1})</translation>
    </message>
</context>
<context>
    <name>optimizers</name>
    <message>
        <source>optimizer &apos;{0}&apos; has no parameter &apos;{1}&apos; (it has: {2})</source>
        <translation>옵티마이저 &apos;{0}&apos;에는 매개변수 &apos;{1}&apos;이(가) 없습니다(있는 것: {2})</translation>
    </message>
    <message>
        <source>optimizer state is for &apos;{0}&apos;, not &apos;{1}&apos;</source>
        <translation>옵티마이저 상태는 &apos;{1}&apos;이(가) 아니라 &apos;{0}&apos;의 것입니다</translation>
    </message>
    <message>
        <source>&apos;nesterov&apos; needs &apos;momentum&apos; greater than 0</source>
        <translation>&apos;nesterov&apos;에는 0보다 큰 &apos;momentum&apos;이 필요합니다</translation>
    </message>
    <message>
        <source>optimizer config must be an object like {{&apos;type&apos;: &apos;sgd&apos;}}, not {0!r}</source>
        <translation>옵티마이저 설정은 {{&apos;type&apos;: &apos;sgd&apos;}} 같은 객체여야 합니다({0!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>optimizer config needs a &apos;type&apos; (one of: {0})</source>
        <translation>옵티마이저 설정에는 &apos;type&apos;이 필요합니다(다음 중 하나: {0})</translation>
    </message>
    <message>
        <source>unknown optimizer type &apos;{0}&apos; (choose one of: {1})</source>
        <translation>알 수 없는 옵티마이저 종류 &apos;{0}&apos;(다음 중에서 고르세요: {1})</translation>
    </message>
    <message>
        <source>&apos;lr&apos; must be a number, not None</source>
        <translation>&apos;lr&apos;은 None이 아니라 수여야 합니다</translation>
    </message>
</context>
<context>
    <name>params</name>
    <message>
        <source>{0} must be greater than {1:g}, not {2:g}</source>
        <translation>{0}은(는) {1:g}보다 커야 합니다({2:g}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be at least {1:g}, not {2:g}</source>
        <translation>{0}은(는) {1:g} 이상이어야 합니다({2:g}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be less than {1:g}, not {2:g}</source>
        <translation>{0}은(는) {1:g}보다 작아야 합니다({2:g}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be at most {1:g}, not {2:g}</source>
        <translation>{0}은(는) {1:g} 이하여야 합니다({2:g}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be a whole number, not {1!r}</source>
        <translation>{0}은(는) 정수여야 합니다({1!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be a number, not {1!r}</source>
        <translation>{0}은(는) 수여야 합니다({1!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be a finite number, not {1!r}</source>
        <translation>{0}은(는) 유한한 수여야 합니다({1!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be true or false, not {1!r}</source>
        <translation>{0}은(는) true나 false여야 합니다({1!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be one of {1}, not {2!r}</source>
        <translation>{0}은(는) {1} 중 하나여야 합니다({2!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be a non-empty text, not {1!r}</source>
        <translation>{0}은(는) 비어 있지 않은 텍스트여야 합니다({1!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be a non-empty list of column names</source>
        <translation>{0}은(는) 비어 있지 않은 열 이름 목록이어야 합니다</translation>
    </message>
    <message>
        <source>{0} must be a non-empty list of terms like [&quot;x1&quot;, &quot;x1*x2&quot;]</source>
        <translation>{0}은(는) [&quot;x1&quot;, &quot;x1*x2&quot;] 같은, 비어 있지 않은 항 목록이어야 합니다</translation>
    </message>
    <message>
        <source>{0} must list terms as texts like &quot;x1^2&quot;, not {1!r}</source>
        <translation>{0}은(는) 항을 &quot;x1^2&quot; 같은 텍스트로 나열해야 합니다({1!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be a name</source>
        <translation>{0}은(는) 이름이어야 합니다</translation>
    </message>
    <message>
        <source>{0} must be null or an object like {{&quot;l2&quot;: 0.01}}, not {1!r}</source>
        <translation>{0}은(는) null이거나 {{&quot;l2&quot;: 0.01}} 같은 객체여야 합니다({1!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} has unknown key &apos;{1}&apos; (use l1 and/or l2)</source>
        <translation>{0}에 알 수 없는 키 &apos;{1}&apos;이(가) 있습니다(l1, l2를 쓰세요)</translation>
    </message>
    <message>
        <source>{0}.{1}&apos; must be a number ≥ 0, not {2!r}</source>
        <translation>{0}.{1}&apos;은(는) 0 이상의 수여야 합니다({2!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} must be null or a whole number ≥ 1, not {1!r}</source>
        <translation>{0}은(는) null이거나 1 이상의 정수여야 합니다({1!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>{0} has no parameter &apos;{1}&apos; (it has: {2})</source>
        <translation>{0}에는 매개변수 &apos;{1}&apos;이(가) 없습니다(있는 것: {2})</translation>
    </message>
</context>
<context>
    <name>perceptron</name>
    <message>
        <source>perceptron weights must be a non-empty list, got shape {0}</source>
        <translation>퍼셉트론 가중치는 비어 있지 않은 목록이어야 합니다(받은 모양: {0})</translation>
    </message>
    <message>
        <source>input has shape {0} but the perceptron expects {1} inputs per sample</source>
        <translation>입력의 모양은 {0}이지만 퍼셉트론은 샘플마다 입력 {1}개를 기대합니다</translation>
    </message>
    <message>
        <source>sample has {0} inputs but the perceptron has {1} weights</source>
        <translation>샘플의 입력은 {0}개지만 퍼셉트론의 가중치는 {1}개입니다</translation>
    </message>
    <message>
        <source>unknown gate &apos;{0}&apos; (choose one of: {1})</source>
        <translation>알 수 없는 게이트 &apos;{0}&apos;(다음 중에서 고르세요: {1})</translation>
    </message>
    <message>
        <source>no single perceptron computes &apos;xor&apos; (it is not linearly separable; use xor_from_gates)</source>
        <translation>단층 퍼셉트론 하나로는 &apos;xor&apos;를 계산할 수 없습니다(선형 분리가 불가능합니다. xor_from_gates를 쓰세요)</translation>
    </message>
    <message>
        <source>training inputs have shape {0} but the perceptron expects (n, {1}) with n &gt;= 1</source>
        <translation>학습 입력의 모양은 {0}이지만 퍼셉트론은 n &gt;= 1인 (n, {1})을 기대합니다</translation>
    </message>
    <message>
        <source>got {0} targets for {1} input rows</source>
        <translation>입력 행 {1}개에 목표값 {0}개를 받았습니다</translation>
    </message>
    <message>
        <source>perceptron targets must all be 0 or 1</source>
        <translation>퍼셉트론의 목표값은 모두 0이나 1이어야 합니다</translation>
    </message>
    <message>
        <source>learning rate must be positive, got {0}</source>
        <translation>학습률은 양수여야 합니다(받은 값: {0})</translation>
    </message>
    <message>
        <source>max_updates must be a whole number &gt;= 0, got {0}</source>
        <translation>max_updates는 0 이상의 정수여야 합니다(받은 값: {0})</translation>
    </message>
    <message>
        <source>a perceptron needs at least 1 input, got {0}</source>
        <translation>퍼셉트론에는 입력이 적어도 1개 필요합니다(받은 값: {0})</translation>
    </message>
</context>
<context>
    <name>registry</name>
    <message>
        <source>unknown layer type &apos;{0}&apos; (known types: {1})</source>
        <translation>알 수 없는 층 종류 &apos;{0}&apos;(알려진 종류: {1})</translation>
    </message>
</context>
<context>
    <name>rewind</name>
    <message>
        <source>the step to go back to must be a whole number ≥ 0, not {0!r}</source>
        <translation>되돌아갈 스텝은 0 이상의 정수여야 합니다({0!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>step {0} is not part of this run (steps {1} to {2} are)</source>
        <translation>스텝 {0}은(는) 이 실행에 없습니다(스텝 {1}부터 {2}까지 있음)</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>&apos;training&apos; must be an object</source>
        <translation>&apos;training&apos;은 객체여야 합니다</translation>
    </message>
    <message>
        <source>&apos;training.dataset&apos; must be an object like {&quot;type&quot;: &quot;xor&quot;}</source>
        <translation>&apos;training.dataset&apos;은 {&quot;type&quot;: &quot;xor&quot;} 같은 객체여야 합니다</translation>
    </message>
    <message>
        <source>&apos;training.optimizer&apos; must be an object like {&quot;type&quot;: &quot;sgd&quot;}</source>
        <translation>&apos;training.optimizer&apos;는 {&quot;type&quot;: &quot;sgd&quot;} 같은 객체여야 합니다</translation>
    </message>
</context>
<context>
    <name>stepper</name>
    <message>
        <source>the iteration must be a whole number from 1 to {0}</source>
        <translation>반복 번호는 1에서 {0} 사이의 정수여야 합니다</translation>
    </message>
</context>
<context>
    <name>table_data</name>
    <message>
        <source>dataset type &apos;inline&apos; needs &apos;{0}&apos;</source>
        <translation>데이터셋 종류 &apos;inline&apos;에는 &apos;{0}&apos;이(가) 필요합니다</translation>
    </message>
    <message>
        <source>dataset &apos;{0}&apos; must be rows of numbers, all rows the same length</source>
        <translation>데이터셋 &apos;{0}&apos;은(는) 길이가 모두 같은 숫자 행이어야 합니다</translation>
    </message>
    <message>
        <source>dataset &apos;{0}&apos; must be a non-empty list of rows, got shape {1}</source>
        <translation>데이터셋 &apos;{0}&apos;은(는) 비어 있지 않은 행 목록이어야 합니다(받은 모양: {1})</translation>
    </message>
    <message>
        <source>dataset &apos;{0}&apos; contains a value that is not a finite number</source>
        <translation>데이터셋 &apos;{0}&apos;에 유한한 수가 아닌 값이 있습니다</translation>
    </message>
    <message>
        <source>dataset &apos;{0}&apos; has more than {1} rows</source>
        <translation>데이터셋 &apos;{0}&apos;에 행이 {1}개보다 많습니다</translation>
    </message>
    <message>
        <source>dataset &apos;y&apos; has {0} rows but &apos;x&apos; has {1}</source>
        <translation>데이터셋 &apos;y&apos;에는 행이 {0}개 있지만 &apos;x&apos;에는 {1}개 있습니다</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>the step to go back to must be a whole number, not {0!r}</source>
        <translation>되돌아갈 스텝은 정수여야 합니다({0!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>step {0} is beyond this run, which has made {1} steps</source>
        <translation>스텝 {0}은(는) 이 실행의 범위를 벗어납니다(지금까지 {1} 스텝 진행)</translation>
    </message>
    <message>
        <source>step {0} is before step {1}, where this run&apos;s history starts (it was reset, edited or branched there)</source>
        <translation>스텝 {0}은(는) 이 실행의 기록이 시작하는 스텝 {1}보다 앞입니다(그 스텝에서 초기화, 편집 또는 분기됨)</translation>
    </message>
    <message>
        <source>the history memory budget must be a whole number of bytes, not {0!r}</source>
        <translation>기록 메모리 한도는 바이트 단위의 정수여야 합니다({0!r}이(가) 아님)</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>a variant must be an object with a &apos;changes&apos; object</source>
        <translation>변형은 &apos;changes&apos; 객체가 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>a variant&apos;s changes hold &apos;training&apos; and &apos;graph&apos;, not &apos;{0}&apos;</source>
        <translation>변형의 changes에는 &apos;{0}&apos;이(가) 아니라 &apos;training&apos;과 &apos;graph&apos;가 들어갑니다</translation>
    </message>
    <message>
        <source>a variant&apos;s &apos;graph&apos; change must be a list of edits</source>
        <translation>변형의 &apos;graph&apos; 변경은 편집 목록이어야 합니다</translation>
    </message>
    <message>
        <source>a variant&apos;s &apos;training&apos; change must be an object</source>
        <translation>변형의 &apos;training&apos; 변경은 객체여야 합니다</translation>
    </message>
    <message>
        <source>unknown selector {0!r} (choose one of: {1})</source>
        <translation>알 수 없는 선택자 {0!r}(다음 중에서 고르세요: {1})</translation>
    </message>
    <message>
        <source>unknown graph edit {0!r} (choose one of: {1})</source>
        <translation>알 수 없는 그래프 편집 {0!r}(다음 중에서 고르세요: {1})</translation>
    </message>
    <message>
        <source>a graph edit&apos;s &apos;params&apos; must be an object</source>
        <translation>그래프 편집의 &apos;params&apos;는 객체여야 합니다</translation>
    </message>
    <message>
        <source>an insert_after edit needs the &apos;type&apos; of the layer to insert</source>
        <translation>insert_after 편집에는 넣을 층의 &apos;type&apos;이 필요합니다</translation>
    </message>
</context>
</TS>
