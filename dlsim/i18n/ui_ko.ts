<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Weight from {0} to {1}</source>
        <translation>{0}에서 {1}(으)로 가는 가중치</translation>
    </message>
    <message>
        <source>{0}: input feature {1} of {2}</source>
        <translation>{0}: 입력 특성 {1}/{2}</translation>
    </message>
    <message>
        <source>Bias of {0} ({1})</source>
        <translation>{0}의 편향 ({1})</translation>
    </message>
    <message>
        <source>Bias of {0}</source>
        <translation>{0}의 편향</translation>
    </message>
    <message>
        <source>last gradient: {0}</source>
        <translation>마지막 기울기: {0}</translation>
    </message>
    <message>
        <source>last gradient: none yet (take a step)</source>
        <translation>마지막 기울기: 아직 없음 (스텝을 실행하세요)</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>A deep-learning simulator for learners: build a network as a diagram, train it, and watch it learn.</source>
        <translation>학습자를 위한 딥러닝 시뮬레이터: 신경망을 다이어그램으로 만들고, 학습시키고, 배우는 모습을 지켜보세요.</translation>
    </message>
    <message>
        <source>Licence: {0}</source>
        <translation>라이선스: {0}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Documentation: &lt;a href=&quot;{0}&quot;&gt;the user guide&lt;/a&gt; (in {1})&lt;/p&gt;</source>
        <translation>&lt;p&gt;문서: &lt;a href=&quot;{0}&quot;&gt;사용자 안내서&lt;/a&gt; ({1})&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About dlsim</source>
        <translation>dlsim 정보</translation>
    </message>
</context>
<context>
    <name>ActivationExplorer</name>
    <message>
        <source>Activation explorer</source>
        <translation>활성화 함수 탐색기</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>포화</translation>
    </message>
    <message>
        <source>at z = {0}:  f(z) = {1},  f′(z) = {2}   (drag the amber line)</source>
        <translation>z = {0}에서:  f(z) = {1},  f′(z) = {2}   (주황색 선을 끌어 보세요)</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>“{0}” (from {1}), autosaved {2}</source>
        <translation>“{0}” ({1}에서), {2}에 자동 저장됨</translation>
    </message>
    <message>
        <source>“{0}”, autosaved {1}</source>
        <translation>“{0}”, {1}에 자동 저장됨</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <source>dlsim did not close normally. Restore {0}?</source>
        <translation>dlsim이 정상적으로 종료되지 않았습니다. {0}을(를) 복원할까요?</translation>
    </message>
    <message>
        <source>Discard deletes this copy; your own files are not touched.</source>
        <translation>버리기를 누르면 이 사본이 삭제됩니다. 사용자의 파일은 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>The autosaved copy could not be restored: {0}</source>
        <translation>자동 저장된 사본을 복원할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Restored {0}.</source>
        <translation>{0}을(를) 복원했습니다.</translation>
    </message>
</context>
<context>
    <name>BackgroundOpen</name>
    <message>
        <source>Opening {0}…</source>
        <translation>{0} 여는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Opening file</source>
        <translation>파일 여는 중</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>{0} 확인 중…</translation>
    </message>
</context>
<context>
    <name>BackpropStepper</name>
    <message>
        <source>Backprop stepper</source>
        <translation>역전파 단계별 보기</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>First phase</source>
        <translation>첫 단계</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>글자 크게</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>글자 작게</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Lecture example</source>
        <translation>강의 예제</translation>
    </message>
    <message>
        <source>Step through the open diagram</source>
        <translation>열린 다이어그램 단계별 보기</translation>
    </message>
    <message>
        <source>This diagram</source>
        <translation>이 다이어그램</translation>
    </message>
    <message>
        <source>{0} cannot be stepped through: {1}.</source>
        <translation>{0}은(는) 단계별로 볼 수 없습니다: {1}.</translation>
    </message>
    <message>
        <source>Untitled diagram</source>
        <translation>제목 없는 다이어그램</translation>
    </message>
    <message>
        <source>The open diagram cannot be stepped through: {0}.</source>
        <translation>열린 다이어그램은 단계별로 볼 수 없습니다: {0}.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>iteration {0} · phase {1} of {2}</source>
        <translation>반복 {0} · 단계 {1}/{2}</translation>
    </message>
</context>
<context>
    <name>BatchEditor</name>
    <message>
        <source>Full batch</source>
        <translation>배치 전체</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>미니 배치</translation>
    </message>
    <message>
        <source>Stochastic (1)</source>
        <translation>확률적 (1)</translation>
    </message>
    <message>
        <source>Samples per mini-batch</source>
        <translation>미니 배치당 샘플 수</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Connect {0} → {1}</source>
        <translation>{0} → {1} 연결</translation>
    </message>
    <message>
        <source>Disconnect {0} → {1}</source>
        <translation>{0} → {1} 연결 끊기</translation>
    </message>
</context>
<context>
    <name>DataControls</name>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>Draw new samples (the next data seed); the network&apos;s weights stay. Undoable.</source>
        <translation>새 샘플을 뽑습니다(다음 데이터 시드). 신경망의 가중치는 그대로입니다. 실행 취소할 수 있습니다.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Show the validation points (hollow circles)</source>
        <translation>검증 점 보기 (속이 빈 원)</translation>
    </message>
    <message>
        <source>Discrete</source>
        <translation>이산</translation>
    </message>
    <message>
        <source>Paint the boundary in two colours only: the class the network decides</source>
        <translation>결정 경계를 두 색으로만 칠합니다: 신경망이 정한 클래스</translation>
    </message>
</context>
<context>
    <name>DataEdits</name>
    <message>
        <source>Use the {0} data set</source>
        <translation>{0} 데이터셋 사용</translation>
    </message>
    <message>
        <source>Regenerate the data (data seed {0})</source>
        <translation>데이터 다시 생성 (데이터 시드 {0})</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>node &apos;{0}&apos;: {1}</source>
        <translation>노드 &apos;{0}&apos;: {1}</translation>
    </message>
    <message>
        <source>&apos;weights&apos; must be an object keyed by node id</source>
        <translation>&apos;weights&apos;는 노드 id를 키로 하는 객체여야 합니다</translation>
    </message>
    <message>
        <source>&apos;view&apos; must be an object</source>
        <translation>&apos;view&apos;는 객체여야 합니다</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>the document has no file name yet; use Save As</source>
        <translation>문서에 아직 파일 이름이 없습니다. 다른 이름으로 저장을 사용하세요</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0} 추가</translation>
    </message>
    <message>
        <source>Add {0} after {1}</source>
        <translation>{1} 뒤에 {0} 추가</translation>
    </message>
    <message>
        <source>Paste {0} layers</source>
        <translation>층 {0}개 붙여넣기</translation>
    </message>
    <message>
        <source>Paste {0} layer</source>
        <translation>층 {0}개 붙여넣기</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>{0} 삭제</translation>
    </message>
    <message>
        <source>Delete {0} layers</source>
        <translation>층 {0}개 삭제</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <source>Delete {0} connections</source>
        <translation>연결 {0}개 삭제</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not connected to &apos;{1}&apos;</source>
        <translation>&apos;{0}&apos;은(는) &apos;{1}&apos;에 연결되어 있지 않습니다</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>{0} 이동</translation>
    </message>
    <message>
        <source>Move {0} layers</source>
        <translation>층 {0}개 이동</translation>
    </message>
    <message>
        <source>Arrange layers</source>
        <translation>층 정렬</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>{0} 변경</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Something went wrong: </source>
        <translation>문제가 발생했습니다: </translation>
    </message>
    <message>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <source>Show what happened, for a bug report</source>
        <translation>무슨 일이 있었는지 보기 (버그 보고용)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the details to the clipboard</source>
        <translation>자세한 내용을 클립보드에 복사</translation>
    </message>
    <message>
        <source>Hide this message (it stays in the log file)</source>
        <translation>이 메시지 숨기기 (로그 파일에는 남습니다)</translation>
    </message>
    <message>
        <source> ({0} failures so far)</source>
        <translation> (지금까지 실패 {0}번)</translation>
    </message>
    <message>
        <source>Logged to {0}</source>
        <translation>{0}에 기록됨</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>XOR by backpropagation</source>
        <translation>역전파로 배우는 XOR</translation>
    </message>
    <message>
        <source>A 2-4-1 network with tanh hidden units and a sigmoid output learns XOR from its four rows by gradient descent. Press Run and watch the loss fall and the decision boundary bend.</source>
        <translation>tanh 은닉 뉴런과 sigmoid 출력을 가진 2-4-1 신경망이 네 개의 행으로 경사 하강법을 써서 XOR를 학습합니다. 실행을 누르고 손실이 줄어들고 결정 경계가 휘어지는 모습을 지켜보세요.</translation>
    </message>
    <message>
        <source>AND gate (perceptron)</source>
        <translation>AND 게이트 (퍼셉트론)</translation>
    </message>
    <message>
        <source>The lecture&apos;s single-layer perceptron for AND: y = 1 when w1·x1 + w2·x2 + b &gt; 0, with w1 = 0.5, w2 = 0.5, b = -0.7. Step units learn by the perceptron rule, one sample per step.</source>
        <translation>강의의 AND 단층 퍼셉트론: w1·x1 + w2·x2 + b &gt; 0이면 y = 1, w1 = 0.5, w2 = 0.5, b = -0.7. 계단 함수 뉴런이 퍼셉트론 학습 규칙으로 한 스텝에 샘플 하나씩 학습합니다.</translation>
    </message>
    <message>
        <source>OR gate (perceptron)</source>
        <translation>OR 게이트 (퍼셉트론)</translation>
    </message>
    <message>
        <source>The lecture&apos;s single-layer perceptron for OR: y = 1 when w1·x1 + w2·x2 + b &gt; 0, with w1 = 0.6, w2 = 0.6, b = -0.5. Step units learn by the perceptron rule, one sample per step.</source>
        <translation>강의의 OR 단층 퍼셉트론: w1·x1 + w2·x2 + b &gt; 0이면 y = 1, w1 = 0.6, w2 = 0.6, b = -0.5. 계단 함수 뉴런이 퍼셉트론 학습 규칙으로 한 스텝에 샘플 하나씩 학습합니다.</translation>
    </message>
    <message>
        <source>NAND gate (perceptron)</source>
        <translation>NAND 게이트 (퍼셉트론)</translation>
    </message>
    <message>
        <source>The lecture&apos;s single-layer perceptron for NAND: y = 1 when w1·x1 + w2·x2 + b &gt; 0, with w1 = -0.5, w2 = -0.5, b = 0.7. Step units learn by the perceptron rule, one sample per step.</source>
        <translation>강의의 NAND 단층 퍼셉트론: w1·x1 + w2·x2 + b &gt; 0이면 y = 1, w1 = -0.5, w2 = -0.5, b = 0.7. 계단 함수 뉴런이 퍼셉트론 학습 규칙으로 한 스텝에 샘플 하나씩 학습합니다.</translation>
    </message>
    <message>
        <source>XOR from gates</source>
        <translation>게이트로 만드는 XOR</translation>
    </message>
    <message>
        <source>A 2-2-1 network of step units: hidden s1 = NAND(x1, x2), s2 = OR(x1, x2), output y = AND(s1, s2) = XOR(x1, x2), with the lecture&apos;s gate weights. No single perceptron can do this; two layers can.</source>
        <translation>계단 함수 뉴런으로 된 2-2-1 신경망: 은닉층 s1 = NAND(x1, x2), s2 = OR(x1, x2), 출력 y = AND(s1, s2) = XOR(x1, x2), 강의의 게이트 가중치 사용. 단층 퍼셉트론 하나로는 할 수 없지만 두 층이면 됩니다.</translation>
    </message>
    <message>
        <source>XOR with an input feature, no hidden layer</source>
        <translation>입력 특성을 더한 XOR, 은닉층 없음</translation>
    </message>
    <message>
        <source>Input 2 → Features [x1, x2, x1*x2] → one sigmoid unit. With the product x1·x2 as a third input, XOR is a straight cut: x1 + x2 − 2·x1·x2. Press Run; then delete x1*x2 from the Features layer and watch the loss stay at ln 2.</source>
        <translation>Input 2 → Features [x1, x2, x1*x2] → sigmoid 뉴런 하나. 곱 x1·x2를 세 번째 입력으로 쓰면 XOR는 직선 하나로 나뉩니다: x1 + x2 − 2·x1·x2. 실행을 누른 뒤 Features 층에서 x1*x2를 지우고 손실이 ln 2에 머무는 것을 보세요.</translation>
    </message>
    <message>
        <source>Backpropagation, the lecture&apos;s worked example</source>
        <translation>역전파, 강의의 풀이 예제</translation>
    </message>
    <message>
        <source>The lecture&apos;s 2-2-2 network: sigmoid everywhere, no biases, x = (0.1, 0.2), targets (0.4, 0.6), W1..W8 = 0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6, E_total = Σ ½(target − output)², plain SGD with learning rate 0.5. One step reproduces the slides: E_total = 0.02397190, ∂E/∂W5 = 0.02592286, W5⁺ = 0.43703857, ∂E/∂W1 = 0.00080888.</source>
        <translation>강의의 2-2-2 신경망: 모든 층에 sigmoid, 편향 없음, x = (0.1, 0.2), 목표값 (0.4, 0.6), W1..W8 = 0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6, E_total = Σ ½(목표값 − 출력)², 학습률 0.5의 기본 SGD. 한 스텝이 슬라이드의 값을 그대로 재현합니다: E_total = 0.02397190, ∂E/∂W5 = 0.02592286, W5⁺ = 0.43703857, ∂E/∂W1 = 0.00080888.</translation>
    </message>
    <message>
        <source>Iris with the lecture&apos;s Keras network</source>
        <translation>강의의 Keras 신경망으로 Iris 분류</translation>
    </message>
    <message>
        <source>The lecture&apos;s Keras example: Dense(8, input_dim=4, init=&apos;uniform&apos;, activation=&apos;relu&apos;), Dense(8, relu), Dense(3, softmax), trained with Adam on categorical cross-entropy to tell the three Iris species apart from four flower measurements.</source>
        <translation>강의의 Keras 예제: Dense(8, input_dim=4, init=&apos;uniform&apos;, activation=&apos;relu&apos;), Dense(8, relu), Dense(3, softmax)를 범주형 크로스 엔트로피와 Adam으로 학습해, 꽃의 네 가지 측정값으로 Iris 세 품종을 구별합니다.</translation>
    </message>
    <message>
        <source>Exploding gradients: clipping to the rescue</source>
        <translation>기울기 폭주: 그래디언트 클리핑으로 해결</translation>
    </message>
    <message>
        <source>Six ReLU layers whose weights start twice as large as He&apos;s (normal, σ = 0.5 for 32 inputs): every layer doubles the signal and the gradient, so plain SGD&apos;s first steps throw the weights to infinity. With clipnorm = 1 each gradient is scaled down to length 1 and the same network trains.</source>
        <translation>He 초기화의 두 배 크기로 가중치가 시작하는 ReLU 여섯 층(정규 분포, 입력 32개에 σ = 0.5): 층마다 신호와 기울기가 두 배가 되어 기본 SGD의 첫 스텝들이 가중치를 무한대로 보냅니다. clipnorm = 1이면 각 기울기가 길이 1로 줄어들어 같은 신경망이 학습됩니다.</translation>
    </message>
    <message>
        <source>Optimizers compared on one problem</source>
        <translation>한 문제에서 옵티마이저 비교</translation>
    </message>
    <message>
        <source>A 2-16-16-1 ReLU network on the two moons, trained by batch, mini-batch and stochastic gradient descent, momentum, Adagrad, RMSProp and Adam, all with learning rate 0.01: the same start and data, only the update rule and the batch size differ.</source>
        <translation>두 개의 반달(moons) 데이터에서 2-16-16-1 ReLU 신경망을 배치 / 미니 배치 / 확률적 경사 하강법, 모멘텀, Adagrad, RMSProp, Adam으로 모두 학습률 0.01로 학습합니다: 시작점과 데이터는 같고 업데이트 규칙과 배치 크기만 다릅니다.</translation>
    </message>
    <message>
        <source>Overfitting: a big network, 30 noisy points</source>
        <translation>과적합: 큰 신경망, 잡음 섞인 점 30개</translation>
    </message>
    <message>
        <source>A 2-64-64-1 tanh network (4,417 weights) learns two overlapping clouds of points from only 30 training samples: its training loss falls to almost zero while the loss on 170 held-out validation samples climbs. Turn on L2, dropout or augmentation, or shrink the model, and watch the gap between the two curves close.</source>
        <translation>2-64-64-1 tanh 신경망(가중치 4,417개)이 겹쳐 있는 두 점 구름을 학습 샘플 30개만으로 학습합니다: 학습 손실은 거의 0까지 떨어지지만 따로 떼어 둔 검증 샘플 170개의 손실은 올라갑니다. L2, 드롭아웃, 데이터 증식을 켜거나 모델을 줄이고 두 곡선의 간격이 좁혀지는 것을 보세요.</translation>
    </message>
    <message>
        <source>Vanishing gradients: six sigmoid layers</source>
        <translation>기울기 소실: sigmoid 여섯 층</translation>
    </message>
    <message>
        <source>Six hidden sigmoid layers between the input and the output: the first layer&apos;s gradient is thousands of times smaller than the last&apos;s, so the early layers barely move and the loss stays at chance. Switch to ReLU with He initialization, or insert BatchNorm, and the gradient reaches the first layer again.</source>
        <translation>입력과 출력 사이에 sigmoid 은닉층이 여섯 개: 첫 층의 기울기가 마지막 층보다 수천 배 작아서 앞쪽 층은 거의 움직이지 않고 손실은 우연 수준에 머뭅니다. He 초기화와 ReLU로 바꾸거나 BatchNorm을 넣으면 기울기가 다시 첫 층까지 전달됩니다.</translation>
    </message>
    <message>
        <source>Weight initialization: six ReLU layers</source>
        <translation>가중치 초기화: ReLU 여섯 층</translation>
    </message>
    <message>
        <source>The same six-layer ReLU network (saved with the lecture&apos;s init=&apos;uniform&apos;) started from zeros, small uniform weights, Glorot or He: compare the activation histograms layer by layer. Zeros keep every unit identical, small uniform weights make the signal die out with depth, He keeps its spread.</source>
        <translation>같은 여섯 층 ReLU 신경망(강의의 init=&apos;uniform&apos;으로 저장됨)을 0, 작은 균등 분포 가중치, Glorot, He로 시작해 층별 활성화 히스토그램을 비교합니다. 0이면 모든 뉴런이 똑같이 남고, 작은 균등 분포 가중치는 깊이에 따라 신호를 사라지게 하며, He는 퍼짐을 유지합니다.</translation>
    </message>
</context>
<context>
    <name>ExamplesPanel</name>
    <message>
        <source>Double-click an example to open it.</source>
        <translation>예제를 두 번 클릭하면 열립니다.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>&amp;PyTorch Script…</source>
        <translation>&amp;PyTorch 스크립트…</translation>
    </message>
    <message>
        <source>PyTorch script</source>
        <translation>PyTorch 스크립트</translation>
    </message>
    <message>
        <source>&amp;Keras Code…</source>
        <translation>&amp;Keras 코드…</translation>
    </message>
    <message>
        <source>Keras code</source>
        <translation>Keras 코드</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>Write the diagram with its current weights as a {0}</source>
        <translation>현재 가중치와 함께 다이어그램을 {0}(으)로 저장</translation>
    </message>
    <message>
        <source>Cannot export a {0}</source>
        <translation>{0}(으)로 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>{0} 내보내기</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0}을(를) 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>dlsim diagrams (*.dlsim);;All files (*)</source>
        <translation>dlsim 다이어그램 (*.dlsim);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>{0}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Problem in file</source>
        <translation>파일의 문제</translation>
    </message>
    <message>
        <source>{0}

Open it anyway, to fix it in the editor?</source>
        <translation>{0}

그래도 열어서 편집기에서 고칠까요?</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>예제를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened example: {0}</source>
        <translation>예제를 열었습니다: {0}</translation>
    </message>
    <message>
        <source>New diagram: drag layers in from the Layers palette</source>
        <translation>새 다이어그램: 층 팔레트에서 층을 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>Open diagram</source>
        <translation>다이어그램 열기</translation>
    </message>
    <message>
        <source>Save diagram as</source>
        <translation>다이어그램을 다른 이름으로 저장</translation>
    </message>
    <message>
        <source>Cannot save file</source>
        <translation>파일을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0}을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Save the changes to {0}?</source>
        <translation>{0}의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>최근 파일 목록 지우기</translation>
    </message>
</context>
<context>
    <name>GateWeights</name>
    <message>
        <source>Two layers of step units: weights (the lecture&apos;s gates)</source>
        <translation>계단 함수 뉴런 두 층: 가중치 (강의의 게이트)</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>뉴런</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <source>{0} param</source>
        <translation>매개변수 {0}개</translation>
    </message>
    <message>
        <source>{0} params</source>
        <translation>매개변수 {0}개</translation>
    </message>
    <message>
        <source>no params</source>
        <translation>매개변수 없음</translation>
    </message>
    <message>
        <source>Error: {0}</source>
        <translation>오류: {0}</translation>
    </message>
    <message>
        <source>Warning: {0}</source>
        <translation>경고: {0}</translation>
    </message>
    <message>
        <source> · output: {0} features</source>
        <translation> · 출력: 특성 {0}개</translation>
    </message>
    <message>
        <source>{0} features</source>
        <translation>특성 {0}개</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>크기 모름</translation>
    </message>
    <message>
        <source> · output: 1 feature</source>
        <translation> · 출력: 특성 1개</translation>
    </message>
    <message>
        <source>1 feature</source>
        <translation>특성 1개</translation>
    </message>
    <message>
        <source>Added {0} &apos;{1}&apos;</source>
        <translation>{0} &apos;{1}&apos;을(를) 추가했습니다</translation>
    </message>
    <message>
        <source>Added {0} &apos;{1}&apos; after &apos;{2}&apos;</source>
        <translation>&apos;{2}&apos; 뒤에 {0} &apos;{1}&apos;을(를) 추가했습니다</translation>
    </message>
    <message>
        <source>Connected {0} → {1}</source>
        <translation>{0} → {1} 연결했습니다</translation>
    </message>
    <message>
        <source>Cannot connect {0} → {1}: {2}</source>
        <translation>{0} → {1}을(를) 연결할 수 없습니다: {2}</translation>
    </message>
    <message>
        <source>Nothing to paste: copy some layers first</source>
        <translation>붙여넣을 것이 없습니다: 먼저 층을 복사하세요</translation>
    </message>
    <message>
        <source>Cannot paste: {0}</source>
        <translation>붙여넣을 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Connect {0} → {1}</source>
        <translation>{0} → {1} 연결</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Disconnect Inputs</source>
        <translation>입력 연결 끊기</translation>
    </message>
    <message>
        <source>Disconnect {0} → {1}</source>
        <translation>{0} → {1} 연결 끊기</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0} 추가</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Auto-Arrange</source>
        <translation>자동 정렬</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Drag a layer here from the Layers palette (or double-click it),
then connect an output port (right) to an input port (left).</source>
        <translation>층 팔레트에서 층을 여기로 끌어 오고(또는 두 번 클릭하고),
출력 포트(오른쪽)를 입력 포트(왼쪽)에 연결하세요.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>{0} features</source>
        <translation>특성 {0}개</translation>
    </message>
    <message>
        <source>unknown until connected</source>
        <translation>연결하기 전에는 알 수 없음</translation>
    </message>
    <message>
        <source>1 feature</source>
        <translation>특성 1개</translation>
    </message>
    <message>
        <source>Output: {0} · Parameters: {1}</source>
        <translation>출력: {0} · 매개변수: {1}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>{0} layers selected</source>
        <translation>층 {0}개 선택됨</translation>
    </message>
    <message>
        <source>Select a single layer to edit its parameters.</source>
        <translation>층 하나를 선택하면 매개변수를 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Select a layer in the diagram to edit its parameters.</source>
        <translation>다이어그램에서 층을 선택하면 매개변수를 편집할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>LandscapeControls</name>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Start → now</source>
        <translation>시작 → 현재</translation>
    </message>
    <message>
        <source>Two weights</source>
        <translation>가중치 두 개</translation>
    </message>
    <message>
        <source>The plane through the current weights the loss is drawn on: two random directions scaled to each unit&apos;s weights (Li et al. 2018), the line from the run&apos;s start to now with a random direction, or two single weights</source>
        <translation>손실을 그릴, 현재 가중치를 지나는 평면: 각 뉴런의 가중치 크기에 맞춘 무작위 방향 두 개(Li et al. 2018), 실행의 시작에서 현재까지의 직선과 무작위 방향 하나, 또는 가중치 두 개</translation>
    </message>
    <message>
        <source>across</source>
        <translation>가로</translation>
    </message>
    <message>
        <source>up</source>
        <translation>세로</translation>
    </message>
    <message>
        <source>The weight drawn {0}</source>
        <translation>{0} 축에 그릴 가중치</translation>
    </message>
    <message>
        <source>{0} × {0}</source>
        <translation>{0} × {0}</translation>
    </message>
    <message>
        <source>Points per side: each is one pass over the data</source>
        <translation>한 변의 점 수: 점마다 데이터를 한 번 훑습니다</translation>
    </message>
    <message>
        <source>Fit the path</source>
        <translation>경로에 맞추기</translation>
    </message>
    <message>
        <source>± {0:g}</source>
        <translation>± {0:g}</translation>
    </message>
    <message>
        <source>How far the picture reaches from the current weights: in steps of the directions (1 = as far again as the weights are large), or in weight units for two weights</source>
        <translation>그림이 현재 가중치에서 얼마나 멀리까지 닿는지: 방향의 배수(1 = 가중치 크기만큼 더), 가중치 두 개일 때는 가중치 단위</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Map the loss around the current weights</source>
        <translation>현재 가중치 주변의 손실을 지도로 그립니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>가중치:</translation>
    </message>
</context>
<context>
    <name>LandscapeRunner</name>
    <message>
        <source>There is no network to map: the diagram cannot be trained.</source>
        <translation>지도로 그릴 신경망이 없습니다: 다이어그램을 학습시킬 수 없습니다.</translation>
    </message>
    <message>
        <source>The run was replaced before the landscape was finished.</source>
        <translation>손실 지형이 끝나기 전에 실행이 바뀌었습니다.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>dlsim will be in {0} after a restart. Restart now?</source>
        <translation>다시 시작하면 dlsim이 {0}(으)로 표시됩니다. 지금 다시 시작할까요?</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <source>Drag a layer onto the canvas, or double-click it.</source>
        <translation>층을 캔버스로 끌어다 놓거나 두 번 클릭하세요.</translation>
    </message>
</context>
<context>
    <name>LayerWeights</name>
    <message>
        <source>Weights at step {0} (the timeline&apos;s step)</source>
        <translation>스텝 {0}의 가중치 (타임라인의 스텝)</translation>
    </message>
    <message>
        <source>as the document gives them</source>
        <translation>문서에 적힌 값</translation>
    </message>
    <message>
        <source>drawn from the seed</source>
        <translation>시드에서 뽑은 값</translation>
    </message>
    <message>
        <source>Starting weights (step 0), {0}</source>
        <translation>시작 가중치 (스텝 0), {0}</translation>
    </message>
    <message>
        <source>Weights at step {0}</source>
        <translation>스텝 {0}의 가중치</translation>
    </message>
    <message>
        <source>Weights from the document (not trained yet)</source>
        <translation>문서의 가중치 (아직 학습 전)</translation>
    </message>
    <message>
        <source>Weights: drawn from the seed at the first step.</source>
        <translation>가중치: 첫 스텝에서 시드로 뽑습니다.</translation>
    </message>
    <message>
        <source>min</source>
        <translation>최솟값</translation>
    </message>
    <message>
        <source>max</source>
        <translation>최댓값</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>std</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <source>Too many to list: the Weights plot draws W as a heat map, and its Export ▸ CSV lists every value.</source>
        <translation>값이 너무 많아 나열하지 않습니다: 가중치 그래프가 W를 히트맵으로 그리고, 그 내보내기 ▸ CSV에 모든 값이 있습니다.</translation>
    </message>
    <message>
        <source>Too many to list: the Weights plot&apos;s Export ▸ CSV lists every value.</source>
        <translation>값이 너무 많아 나열하지 않습니다: 가중치 그래프의 내보내기 ▸ CSV에 모든 값이 있습니다.</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>This diagram has no lesson text. The examples (Examples menu) each come with one.</source>
        <translation>이 다이어그램에는 강의 글이 없습니다. 예제(예제 메뉴)에는 각각 강의 글이 있습니다.</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>&amp;Perceptron lab</source>
        <translation>퍼셉트론 실습(&amp;P)</translation>
    </message>
    <message>
        <source>Gates, decision lines, the perceptron rule</source>
        <translation>게이트, 결정 직선, 퍼셉트론 학습 규칙</translation>
    </message>
    <message>
        <source>&amp;Backprop stepper</source>
        <translation>역전파 단계별 보기(&amp;B)</translation>
    </message>
    <message>
        <source>The lecture&apos;s backpropagation, phase by phase</source>
        <translation>강의의 역전파를 단계별로</translation>
    </message>
    <message>
        <source>&amp;Activation explorer</source>
        <translation>활성화 함수 탐색기(&amp;A)</translation>
    </message>
    <message>
        <source>Activations and their slopes</source>
        <translation>활성화 함수와 그 기울기</translation>
    </message>
    <message>
        <source>Perceptron lab (AND, NAND, OR, XOR)</source>
        <translation>퍼셉트론 실습 (AND, NAND, OR, XOR)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>강의</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>예제</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>No lessons installed</source>
        <translation>설치된 강의 없음</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty diagram</source>
        <translation>빈 다이어그램 시작</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a .dlsim file</source>
        <translation>.dlsim 파일 열기</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the diagram</source>
        <translation>다이어그램 저장</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>새 이름으로 저장</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>복제(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation>선택한 것 삭제</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>Auto-&amp;Arrange</source>
        <translation>자동 정렬(&amp;A)</translation>
    </message>
    <message>
        <source>Lay the layers out left to right</source>
        <translation>층을 왼쪽에서 오른쪽으로 배치</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>화면에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole diagram</source>
        <translation>다이어그램 전체 보기</translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation>미니맵(&amp;M)</translation>
    </message>
    <message>
        <source>Show an overview when the diagram does not fit in the window</source>
        <translation>다이어그램이 창에 다 들어가지 않으면 전체 모습을 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>배치 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>패널(&amp;P)</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>예제(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>강의(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>사용자 안내서(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About dlsim</source>
        <translation>dlsim 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>주 도구 모음</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새로</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞추기</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>정렬</translation>
    </message>
    <message>
        <source>Problems in the diagram (click to show the list)</source>
        <translation>다이어그램의 문제 (클릭하면 목록 표시)</translation>
    </message>
    <message>
        <source>Zoom (wheel; Ctrl+0 fits the diagram)</source>
        <translation>확대/축소 (휠, Ctrl+0은 다이어그램을 화면에 맞춤)</translation>
    </message>
    <message>
        <source>Problems ({0})</source>
        <translation>문제 ({0})</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>사용자 안내서</translation>
    </message>
    <message>
        <source>The user guide is not installed with this dlsim.</source>
        <translation>이 dlsim에는 사용자 안내서가 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>화면 이동</translation>
    </message>
    <message>
        <source>Middle mouse or Space + drag</source>
        <translation>가운데 버튼 또는 스페이스 + 끌기</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>확대/축소</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>마우스 휠</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Layer &apos;{0}&apos;: </source>
        <translation>층 &apos;{0}&apos;: </translation>
    </message>
    <message>
        <source>Show layer</source>
        <translation>층 보기</translation>
    </message>
</context>
<context>
    <name>Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>전체 보기: 클릭하거나 끌어서 보이는 곳을 옮기세요</translation>
    </message>
</context>
<context>
    <name>Param</name>
    <message>
        <source>Use this initializer for every Dense kernel</source>
        <translation>모든 Dense 커널에 이 초기화 방법 사용</translation>
    </message>
    <message>
        <source>Initializer</source>
        <translation>가중치 초기화</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>{0} of {1}</source>
        <translation>{1}의 {0}</translation>
    </message>
    <message>
        <source>{0} — {1} strength λ (0 = off)</source>
        <translation>{0} — {1} 규제 강도 λ (0 = 끔)</translation>
    </message>
    <message>
        <source>Use full batch</source>
        <translation>배치 전체 사용</translation>
    </message>
    <message>
        <source>Use stochastic (1)</source>
        <translation>확률적 (1) 사용</translation>
    </message>
    <message>
        <source>Set the batch size to {0}</source>
        <translation>배치 크기를 {0}(으)로 설정</translation>
    </message>
    <message>
        <source>Turn {0} on</source>
        <translation>{0} 켜기</translation>
    </message>
    <message>
        <source>Turn {0} off</source>
        <translation>{0} 끄기</translation>
    </message>
    <message>
        <source>Set {0} to {1}</source>
        <translation>{0}을(를) {1}(으)로 설정</translation>
    </message>
</context>
<context>
    <name>PerceptronLab</name>
    <message>
        <source>The perceptron rule trains one unit at a time, so learning is off in two-layer mode: press “Two layers” again to go back to one unit.</source>
        <translation>퍼셉트론 학습 규칙은 한 번에 뉴런 하나만 학습시키므로 두 층 모드에서는 학습이 꺼집니다: “두 층”을 다시 누르면 뉴런 하나로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Perceptron lab</source>
        <translation>퍼셉트론 실습</translation>
    </message>
    <message>
        <source>Two layers: XOR = AND(NAND, OR)</source>
        <translation>두 층: XOR = AND(NAND, OR)</translation>
    </message>
    <message>
        <source>Lecture&apos;s weights</source>
        <translation>강의의 가중치</translation>
    </message>
    <message>
        <source>Random weights</source>
        <translation>무작위 가중치</translation>
    </message>
    <message>
        <source>Learn one sample</source>
        <translation>샘플 하나 학습</translation>
    </message>
    <message>
        <source>Run until converged</source>
        <translation>수렴할 때까지 실행</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <source>y = 1 side</source>
        <translation>y = 1 쪽</translation>
    </message>
    <message>
        <source>y = 0 side</source>
        <translation>y = 0 쪽</translation>
    </message>
    <message>
        <source>dots: coloured by target</source>
        <translation>점: 목표값에 따른 색</translation>
    </message>
    <message>
        <source>Random start (seed {0}): w1 = {1}, w2 = {2}, b = {3}. Press “Learn one sample”.</source>
        <translation>무작위 시작 (시드 {0}): w1 = {1}, w2 = {2}, b = {3}. “샘플 하나 학습”을 누르세요.</translation>
    </message>
    <message>
        <source>Every row is already right: nothing to learn.</source>
        <translation>모든 행이 이미 맞습니다: 학습할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Two layers: hidden s1 = NAND(x1, x2) and s2 = OR(x1, x2), output y = AND(s1, s2). Each hidden unit draws one line; y = 1 only between them.</source>
        <translation>두 층: 은닉층 s1 = NAND(x1, x2)와 s2 = OR(x1, x2), 출력 y = AND(s1, s2). 은닉 뉴런마다 직선 하나를 긋고, 두 직선 사이에서만 y = 1입니다.</translation>
    </message>
    <message>
        <source>{0} with the lecture&apos;s weights. Edit them, or start from random weights and let the perceptron rule learn.</source>
        <translation>강의의 가중치를 쓴 {0}. 가중치를 고쳐 보거나, 무작위 가중치에서 시작해 퍼셉트론 학습 규칙이 학습하게 하세요.</translation>
    </message>
    <message>
        <source>XOR: {0} of 4 rows wrong. Try to find weights by hand, or let the perceptron rule try.</source>
        <translation>XOR: 4개 행 중 {0}개가 틀립니다. 직접 가중치를 찾아보거나, 퍼셉트론 학습 규칙에게 맡겨 보세요.</translation>
    </message>
    <message>
        <source>{0}: {1} of 4 rows wrong with these weights. Edit them, or let the perceptron rule learn.</source>
        <translation>{0}: 이 가중치로는 4개 행 중 {1}개가 틀립니다. 가중치를 고치거나 퍼셉트론 학습 규칙이 학습하게 하세요.</translation>
    </message>
    <message>
        <source>{0}: all four rows right with these weights.</source>
        <translation>{0}: 이 가중치로 네 행이 모두 맞습니다.</translation>
    </message>
    <message>
        <source>The perceptron rule</source>
        <translation>퍼셉트론 학습 규칙</translation>
    </message>
    <message>
        <source>Each click of “Learn one sample” presents the next row (00, 01, 10, 11, 00, …): a right answer changes nothing, a wrong one moves the line towards it.</source>
        <translation>“샘플 하나 학습”을 누를 때마다 다음 행(00, 01, 10, 11, 00, …)을 보여 줍니다: 맞으면 아무것도 바뀌지 않고, 틀리면 직선이 그 점 쪽으로 움직입니다.</translation>
    </message>
    <message>
        <source>Update {0}: sample {1} of 4</source>
        <translation>업데이트 {0}: 샘플 {1}/4</translation>
    </message>
    <message>
        <source>Ran {0} updates; the last one — {1}</source>
        <translation>업데이트 {0}번 실행, 마지막 — {1}</translation>
    </message>
    <message>
        <source>Converged after {0} updates: all four rows are right, so the rule will not change the weights any more.</source>
        <translation>업데이트 {0}번 후 수렴: 네 행이 모두 맞으므로 학습 규칙은 더 이상 가중치를 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>{0} XOR is not linearly separable — see why below, then try “Two layers”.</source>
        <translation>{0} XOR는 선형 분리가 불가능합니다 — 아래에서 이유를 보고 “두 층”을 눌러 보세요.</translation>
    </message>
    <message>
        <source>Not converged after {0} updates: {1} rows wrong.</source>
        <translation>업데이트 {0}번 후에도 수렴하지 않음: {1}개 행이 틀립니다.</translation>
    </message>
    <message>
        <source>{0} of 4 rows wrong.</source>
        <translation>4개 행 중 {0}개가 틀립니다.</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source> (output)</source>
        <translation> (출력)</translation>
    </message>
    <message>
        <source>Nothing to plot yet: this fills in once the diagram can be trained.</source>
        <translation>아직 그릴 것이 없습니다: 다이어그램을 학습시킬 수 있게 되면 채워집니다.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Save this plot as a PNG image, or its data as CSV</source>
        <translation>이 그래프를 PNG 이미지로, 또는 데이터를 CSV로 저장</translation>
    </message>
    <message>
        <source>Save image as PNG…</source>
        <translation>이미지를 PNG로 저장…</translation>
    </message>
    <message>
        <source>Save data as CSV…</source>
        <translation>데이터를 CSV로 저장…</translation>
    </message>
    <message>
        <source>{0}: the plot could not be rendered as a PNG image</source>
        <translation>{0}: 그래프를 PNG 이미지로 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Save {0} as PNG</source>
        <translation>{0}을(를) PNG로 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Save {0} data as CSV</source>
        <translation>{0} 데이터를 CSV로 저장</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: cannot be written: {1}</source>
        <translation>{0}: 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>the folder {0} does not exist</source>
        <translation>폴더 {0}이(가) 없습니다</translation>
    </message>
    <message>
        <source>you do not have permission to write there</source>
        <translation>그곳에 쓸 권한이 없습니다</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>that is a folder</source>
        <translation>폴더입니다</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>Activations</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
</context>
<context>
    <name>PortItem</name>
    <message>
        <source>Output: drag to another layer&apos;s input to connect</source>
        <translation>출력: 다른 층의 입력으로 끌어서 연결</translation>
    </message>
    <message>
        <source>Input: drag to another layer&apos;s output to connect</source>
        <translation>입력: 다른 층의 출력으로 끌어서 연결</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>No problems: the network is ready to train.</source>
        <translation>문제 없음: 신경망을 학습시킬 준비가 되었습니다.</translation>
    </message>
    <message>
        <source>{0} error</source>
        <translation>오류 {0}개</translation>
    </message>
    <message>
        <source>{0} errors</source>
        <translation>오류 {0}개</translation>
    </message>
    <message>
        <source>{0} warning</source>
        <translation>경고 {0}개</translation>
    </message>
    <message>
        <source>{0} warnings</source>
        <translation>경고 {0}개</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>문제 없음</translation>
    </message>
    <message>
        <source>document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>warning in {0}: {1}</source>
        <translation>{0}의 경고: {1}</translation>
    </message>
    <message>
        <source>error in {0}: {1}</source>
        <translation>{0}의 오류: {1}</translation>
    </message>
    <message>
        <source>(double-click to select the layer)</source>
        <translation>(두 번 클릭하면 층을 선택합니다)</translation>
    </message>
</context>
<context>
    <name>QtActivationsPlot</name>
    <message>
        <source>dead {0}</source>
        <translation>죽은 뉴런 {0}</translation>
    </message>
    <message>
        <source>saturated {0}</source>
        <translation>포화 {0}</translation>
    </message>
    <message>
        <source>Outputs of each layer on the latest batch</source>
        <translation>최근 배치에서 각 층의 출력</translation>
    </message>
    <message>
        <source>activation value</source>
        <translation>활성화 값</translation>
    </message>
    <message>
        <source>The network has no layers to show yet.</source>
        <translation>신경망에 아직 보여 줄 층이 없습니다.</translation>
    </message>
    <message>
        <source>Press Step (→) or Run (Space): each layer&apos;s activations appear here.</source>
        <translation>스텝(→)이나 실행(스페이스)을 누르세요: 각 층의 활성화가 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>QtBoundaryPlot</name>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Show or hide the data controls beside the plot</source>
        <translation>그래프 옆의 데이터 설정 보이기/숨기기</translation>
    </message>
    <message>
        <source>No data set yet.</source>
        <translation>아직 데이터셋이 없습니다.</translation>
    </message>
    <message>
        <source>Decision boundary: 2-D data sets only (circle, xor, gaussians, spiral, moons, function, truth tables), or a curve for one input and one output. This data set has {0} features and {1} outputs.</source>
        <translation>결정 경계: 2차원 데이터셋(circle, xor, gaussians, spiral, moons, function, 진리표)이나 입력 하나·출력 하나의 곡선만 가능합니다. 이 데이터셋은 특성 {0}개, 출력 {1}개입니다.</translation>
    </message>
    <message>
        <source>Points: the data. Red line: the network&apos;s output.</source>
        <translation>점: 데이터. 빨간 선: 신경망의 출력.</translation>
    </message>
    <message>
        <source>●{0}training{0}({1})</source>
        <translation>●{0}학습{0}({1})</translation>
    </message>
    <message>
        <source> ○{0}validation{0}({1})</source>
        <translation> ○{0}검증{0}({1})</translation>
    </message>
    <message>
        <source>(at most {0} of each drawn)</source>
        <translation>(각각 최대 {0}개만 그림)</translation>
    </message>
</context>
<context>
    <name>QtComparePlot</name>
    <message>
        <source>Pick what to compare and press “Run a comparison”: copies of the current network train from the same initial weights (an initializer comparison starts each as its initializer does), one per setting, and their losses appear here.</source>
        <translation>비교할 것을 고르고 “비교 실행”을 누르세요: 현재 신경망의 사본들이 설정마다 하나씩 같은 초기 가중치에서(초기화 비교는 각자의 초기화 방법대로) 학습하고, 그 손실이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>{0} (diverged at step {1})</source>
        <translation>{0} (스텝 {1}에서 발산)</translation>
    </message>
    <message>
        <source>{0} (failed at step {1})</source>
        <translation>{0} (스텝 {1}에서 실패)</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 스텝</translation>
    </message>
    <message>
        <source>How many steps each run trains</source>
        <translation>실행마다 학습할 스텝 수</translation>
    </message>
    <message>
        <source>Run comparison</source>
        <translation>비교 실행</translation>
    </message>
    <message>
        <source>Train copies of the current network, one per setting, from the same initial weights (except what the setting changes: another initializer starts its layers anew)</source>
        <translation>현재 신경망의 사본을 설정마다 하나씩 같은 초기 가중치에서 학습합니다(설정이 바꾸는 것은 예외: 다른 초기화 방법은 그 층을 새로 시작합니다)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>loss (each step)</source>
        <translation>손실 (스텝마다)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Running — </source>
        <translation>실행 중 — </translation>
    </message>
    <message>
        <source>Done — </source>
        <translation>완료 — </translation>
    </message>
    <message>
        <source>{0} (step {1})</source>
        <translation>{0} (스텝 {1})</translation>
    </message>
</context>
<context>
    <name>QtConfusionPlot</name>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Which samples are counted: the training or the validation split</source>
        <translation>어떤 샘플을 셀지: 학습 데이터 또는 검증 데이터</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <source>The confusion matrix is for classification with more than two classes (Iris, or gaussians and spiral with 3 or more classes).</source>
        <translation>혼동 행렬은 클래스가 셋 이상인 분류에 쓰입니다(Iris, 또는 클래스가 3개 이상인 gaussians와 spiral).</translation>
    </message>
    <message>
        <source>The training confusion matrix appears once the network is measured.</source>
        <translation>신경망을 측정하면 학습 데이터의 혼동 행렬이 나타납니다.</translation>
    </message>
    <message>
        <source>The validation confusion matrix appears once the network is measured.</source>
        <translation>신경망을 측정하면 검증 데이터의 혼동 행렬이 나타납니다.</translation>
    </message>
    <message>
        <source>Accuracy per class: {0}</source>
        <translation>클래스별 정확도: {0}</translation>
    </message>
</context>
<context>
    <name>QtGradientsPlot</name>
    <message>
        <source>‖∂loss/∂W‖ per layer</source>
        <translation>층별 ‖∂손실/∂W‖</translation>
    </message>
    <message>
        <source>The L2 norm of each layer&apos;s parameter gradients, over time (top) and now (bars). Early layers far below the late ones: vanishing gradients. Growing without bound: exploding gradients.</source>
        <translation>각 층 매개변수 기울기의 L2 노름, 시간에 따른 변화(위)와 현재 값(막대). 앞쪽 층이 뒤쪽 층보다 훨씬 작으면 기울기 소실, 끝없이 커지면 기울기 폭주입니다.</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>기울기 노름</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>최근 값</translation>
    </message>
    <message>
        <source>This network has no trainable layers, so there are no gradients.</source>
        <translation>이 신경망에는 학습할 층이 없어서 기울기가 없습니다.</translation>
    </message>
    <message>
        <source>Press Step (→) or Run (Space): gradient norms appear here.</source>
        <translation>스텝(→)이나 실행(스페이스)을 누르세요: 기울기 노름이 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>QtLandscapePlot</name>
    <message>
        <source>Landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>Cannot compute the landscape</source>
        <translation>손실 지형을 계산할 수 없습니다</translation>
    </message>
    <message>
        <source>The network was edited meanwhile: compute the landscape again.</source>
        <translation>그동안 신경망이 편집되었습니다: 손실 지형을 다시 계산하세요.</translation>
    </message>
    <message>
        <source>{0} points in {1:.1f} s</source>
        <translation>점 {0}개, {1:.1f}초</translation>
    </message>
    <message>
        <source>Nothing to map yet: this works once the diagram can be trained.</source>
        <translation>아직 그릴 것이 없습니다: 다이어그램을 학습시킬 수 있게 되면 동작합니다.</translation>
    </message>
    <message>
        <source>Press Compute to map the training loss around the current weights. Training goes on while the training process computes it.</source>
        <translation>계산을 누르면 현재 가중치 주변의 학습 손실을 지도로 그립니다. 학습 프로세스가 계산하는 동안에도 학습은 계속됩니다.</translation>
    </message>
    <message>
        <source>log₁₀ loss</source>
        <translation>log₁₀ 손실</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>start → now</source>
        <translation>시작 → 현재</translation>
    </message>
    <message>
        <source>random direction</source>
        <translation>무작위 방향</translation>
    </message>
    <message>
        <source>random direction 1</source>
        <translation>무작위 방향 1</translation>
    </message>
    <message>
        <source>random direction 2</source>
        <translation>무작위 방향 2</translation>
    </message>
    <message>
        <source>Step {0} · the path lies in the plane</source>
        <translation>스텝 {0} · 경로가 평면 위에 있습니다</translation>
    </message>
    <message>
        <source>Step {0} · the path moved other weights too</source>
        <translation>스텝 {0} · 경로가 다른 가중치도 움직였습니다</translation>
    </message>
    <message>
        <source>Step {0} · up to {1:.0f} % of the path off the plane</source>
        <translation>스텝 {0} · 경로의 최대 {1:.0f} %가 평면 밖에 있습니다</translation>
    </message>
    <message>
        <source>Training loss (whole training set, inference mode) at step {0} over two weights; every other weight is held at its current value. Path: steps {1}–{2} (□ start, ★ now).</source>
        <translation>스텝 {0}에서 가중치 두 개에 대한 학습 손실(학습 데이터 전체, 추론 모드). 다른 가중치는 모두 현재 값에 고정. 경로: 스텝 {1}–{2} (□ 시작, ★ 현재).</translation>
    </message>
    <message>
        <source>The other weights moved too, so the path&apos;s own loss is not the colour under it.</source>
        <translation>다른 가중치도 움직였으므로 경로 자체의 손실은 그 아래의 색과 다릅니다.</translation>
    </message>
    <message>
        <source>Training loss (whole training set, inference mode) at step {0} around the current weights θ (★, at 0): across, the line from the run&apos;s start (□, at −1) to now; up, a random direction scaled unit by unit to the weights (Li et al. 2018).</source>
        <translation>스텝 {0}에서 현재 가중치 θ(★, 0 위치) 주변의 학습 손실(학습 데이터 전체, 추론 모드): 가로는 실행의 시작(□, −1 위치)에서 현재까지의 직선, 세로는 뉴런마다 가중치 크기에 맞춘 무작위 방향(Li et al. 2018).</translation>
    </message>
    <message>
        <source>Training loss (whole training set, inference mode) at step {0} around the current weights θ (★): two random directions, each scaled unit by unit to the weights (Li et al. 2018), biases not moved.</source>
        <translation>스텝 {0}에서 현재 가중치 θ(★) 주변의 학습 손실(학습 데이터 전체, 추론 모드): 뉴런마다 가중치 크기에 맞춘 무작위 방향 두 개(Li et al. 2018), 편향은 움직이지 않음.</translation>
    </message>
    <message>
        <source> Path (steps {0}–{1}) projected onto the plane by least squares: the directions are {2:.0f}° apart, and up to {3:.0f} % of the path&apos;s distance from θ lies off the plane and is not shown.</source>
        <translation> 경로(스텝 {0}–{1})를 최소 제곱으로 평면에 투영: 두 방향은 {2:.0f}° 떨어져 있고, θ에서 경로까지 거리의 최대 {3:.0f} %는 평면 밖에 있어 보이지 않습니다.</translation>
    </message>
</context>
<context>
    <name>QtLossPlot</name>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>acc</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>val acc</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>로그 y</translation>
    </message>
    <message>
        <source>Logarithmic loss axis: late, small improvements stay visible</source>
        <translation>로그 손실 축: 나중의 작은 개선도 보입니다</translation>
    </message>
    <message>
        <source>log step</source>
        <translation>로그 스텝</translation>
    </message>
    <message>
        <source>Logarithmic step axis: the first hundred steps get as much room as the next thousands (an overfitting run&apos;s late rise in validation loss stays visible)</source>
        <translation>로그 스텝 축: 처음 백 스텝이 그다음 수천 스텝만큼 자리를 차지합니다(과적합된 실행에서 검증 손실이 늦게 올라가는 것도 보입니다)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Press Run (Space) or Step (→) to train; the loss appears here.</source>
        <translation>실행(스페이스)이나 스텝(→)을 눌러 학습하세요. 손실이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
</context>
<context>
    <name>QtNeuronPlot</name>
    <message>
        <source>Thicker lines are larger weights. Hover a line or a unit for its value and last gradient; click it to type a new value; + / − add or remove a unit.</source>
        <translation>굵은 선일수록 큰 가중치입니다. 선이나 뉴런 위에 마우스를 올리면 값과 마지막 기울기가 보이고, 클릭하면 새 값을 입력할 수 있습니다. + / −로 뉴런을 더하거나 뺍니다.</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:{0}&quot;&gt;■&lt;/span&gt; positive</source>
        <translation>&lt;span style=&quot;color:{0}&quot;&gt;■&lt;/span&gt; 양수</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:{0}&quot;&gt;■&lt;/span&gt; negative weight</source>
        <translation>&lt;span style=&quot;color:{0}&quot;&gt;■&lt;/span&gt; 음수 가중치</translation>
    </message>
    <message>
        <source>Nothing to draw yet: this fills in once the diagram can be trained.</source>
        <translation>아직 그릴 것이 없습니다: 다이어그램을 학습시킬 수 있게 되면 채워집니다.</translation>
    </message>
    <message>
        <source>Heat maps are drawn for data with two input features.</source>
        <translation>히트맵은 입력 특성이 두 개인 데이터에서만 그려집니다.</translation>
    </message>
    <message>
        <source>Set a weight</source>
        <translation>가중치 설정</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>새 값:</translation>
    </message>
    <message>
        <source>Add a unit to {0}</source>
        <translation>{0}에 뉴런 추가</translation>
    </message>
    <message>
        <source>Remove the last unit of {0}</source>
        <translation>{0}의 마지막 뉴런 제거</translation>
    </message>
    <message>
        <source>The diagram has a problem</source>
        <translation>다이어그램에 문제가 있습니다</translation>
    </message>
    <message>
        <source>This picture shows the network as it was last trained. Fix the diagram&apos;s problems (see Problems) and the picture follows it again.</source>
        <translation>이 그림은 마지막으로 학습했을 때의 신경망입니다. 다이어그램의 문제(문제 패널 참고)를 고치면 그림이 다시 따라갑니다.</translation>
    </message>
    <message>
        <source>Cannot set the weight</source>
        <translation>가중치를 설정할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot change the layer</source>
        <translation>층을 바꿀 수 없습니다</translation>
    </message>
</context>
<context>
    <name>QtWeightsPlot</name>
    <message>
        <source>Dense kernels W: rows = inputs, columns = units; blue &lt; 0 &lt; red, scaled per layer</source>
        <translation>Dense 커널 W: 행 = 입력, 열 = 뉴런, 파랑 &lt; 0 &lt; 빨강, 층별로 척도 조정</translation>
    </message>
    <message>
        <source>  (too big to show: {0})</source>
        <translation>  (너무 커서 표시 못 함: {0})</translation>
    </message>
    <message>
        <source>Weights appear once the network is built.</source>
        <translation>신경망이 만들어지면 가중치가 나타납니다.</translation>
    </message>
    <message>
        <source>Weights: no Dense layer is small enough to show as a matrix (at most {0} inputs and units).</source>
        <translation>가중치: 행렬로 보여 줄 만큼 작은 Dense 층이 없습니다(입력과 뉴런이 최대 {0}개).</translation>
    </message>
</context>
<context>
    <name>ReadOnlyEditor</name>
    <message>
        <source>{0} Edit this value in the .dlsim file.</source>
        <translation>{0} 이 값은 .dlsim 파일에서 고치세요.</translation>
    </message>
    <message>
        <source>{0} rows (in the file)</source>
        <translation>{0}개 행 (파일 안)</translation>
    </message>
</context>
<context>
    <name>Rewinder</name>
    <message>
        <source>Train from step {0}?</source>
        <translation>{0}단계부터 학습할까요?</translation>
    </message>
    <message>
        <source>You are looking at step {0}. Training from here starts a new branch: the current run stays in the loss plot as a faded curve, and the new one goes on from step {0} with the settings as they are now.</source>
        <translation>지금 {0}단계를 보고 있습니다. 여기서부터 학습하면 새 갈래가 시작됩니다. 지금의 실행은 손실 그래프에 흐린 곡선으로 남고, 새 실행은 지금의 설정으로 {0}단계부터 이어집니다.</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>갈래 만들기</translation>
    </message>
    <message>
        <source>Branched at step {0}: {1} goes on from there.</source>
        <translation>{0}단계에서 갈라졌습니다: {1}이(가) 거기서부터 이어집니다.</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>스텝 {0}</translation>
    </message>
    <message>
        <source>epoch {0}</source>
        <translation>에포크 {0}</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Train until paused (Space)</source>
        <translation>멈출 때까지 학습 (스페이스)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>One training step (→)</source>
        <translation>학습 한 스텝 (→)</translation>
    </message>
    <message>
        <source>Step 10</source>
        <translation>10 스텝</translation>
    </message>
    <message>
        <source>Ten training steps</source>
        <translation>학습 10 스텝</translation>
    </message>
    <message>
        <source>Step 100</source>
        <translation>100 스텝</translation>
    </message>
    <message>
        <source>A hundred training steps</source>
        <translation>학습 100 스텝</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Start again from the initial weights (the same seed gives the same start)</source>
        <translation>초기 가중치에서 다시 시작 (같은 시드는 같은 시작을 줍니다)</translation>
    </message>
    <message>
        <source>Training pace in steps per second: slow enough to watch</source>
        <translation>초당 스텝 수로 나타낸 학습 속도: 지켜볼 수 있을 만큼 느리게</translation>
    </message>
    <message>
        <source>{0}/s</source>
        <translation>{0}/초</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>Train as fast as the computer can (click again for the pace beside it)</source>
        <translation>컴퓨터가 할 수 있는 한 빠르게 학습 (다시 누르면 옆의 속도로)</translation>
    </message>
    <message>
        <source>What training is doing</source>
        <translation>학습 상태</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pause training (Space)</source>
        <translation>학습 일시 정지 (스페이스)</translation>
    </message>
</context>
<context>
    <name>SettingsCheck</name>
    <message>
        <source>The settings file {0} cannot be read; dlsim uses its default layout and an empty recent-files list.</source>
        <translation>설정 파일 {0}을(를) 읽을 수 없습니다. dlsim은 기본 배치와 빈 최근 파일 목록을 사용합니다.</translation>
    </message>
    <message>
        <source>The settings file {0} is damaged; dlsim uses its default layout and an empty recent-files list.</source>
        <translation>설정 파일 {0}이(가) 손상되었습니다. dlsim은 기본 배치와 빈 최근 파일 목록을 사용합니다.</translation>
    </message>
    <message>
        <source>The remembered window layout could not be restored; the default layout is used.</source>
        <translation>기억해 둔 창 배치를 복원할 수 없어 기본 배치를 사용합니다.</translation>
    </message>
    <message>
        <source>The recent-files list in the settings was damaged and has been ignored.</source>
        <translation>설정의 최근 파일 목록이 손상되어 무시했습니다.</translation>
    </message>
</context>
<context>
    <name>TimeTravel</name>
    <message>
        <source>Run {0}</source>
        <translation>실행 {0}</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Drag back to see every plot as it was at that step; the right end is now. Run or Step from a past step starts a branch.</source>
        <translation>뒤로 끌면 모든 그래프가 그 단계의 모습으로 보입니다. 오른쪽 끝이 현재입니다. 지난 단계에서 실행이나 한 단계를 누르면 갈래가 시작됩니다.</translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation>{1}단계 중 {0}단계</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>현재</translation>
    </message>
    <message>
        <source>Back to the run as it is now</source>
        <translation>현재의 실행으로 돌아가기</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>갈래</translation>
    </message>
    <message>
        <source>Name, compare and delete the kept runs</source>
        <translation>남겨 둔 실행의 이름 짓기, 비교, 삭제</translation>
    </message>
    <message>
        <source>Branches ({0})</source>
        <translation>갈래 ({0})</translation>
    </message>
    <message>
        <source>step {0} (now)</source>
        <translation>{0}단계 (현재)</translation>
    </message>
    <message>
        <source>Training now: {0}</source>
        <translation>지금 학습 중: {0}</translation>
    </message>
    <message>
        <source>Rename “{0}”…</source>
        <translation>“{0}” 이름 바꾸기…</translation>
    </message>
    <message>
        <source>No branches yet: drag the timeline back, then Run or Step</source>
        <translation>아직 갈래가 없습니다: 타임라인을 뒤로 끈 다음 실행이나 한 단계를 누르세요</translation>
    </message>
    <message>
        <source>{0} (left at step {1})</source>
        <translation>{0} ({1}단계에서 갈라짐)</translation>
    </message>
    <message>
        <source>Show in the loss plot</source>
        <translation>손실 그래프에 표시</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>An empty diagram: add an Input layer and a Dense layer, connect them, then train.</source>
        <translation>빈 다이어그램: Input 층과 Dense 층을 추가해 연결한 다음 학습하세요.</translation>
    </message>
    <message>
        <source>The training process had stopped, so a new one was started from the document (the weights trained since the last save were lost with it).</source>
        <translation>학습 프로세스가 멈춰서 문서에서 새로 시작했습니다(마지막 저장 이후 학습한 가중치는 함께 사라졌습니다).</translation>
    </message>
    <message>
        <source>The graph was edited: training paused and the network was rebuilt (layers you did not change kept their weights).</source>
        <translation>그래프가 편집되었습니다: 학습을 멈추고 신경망을 다시 만들었습니다(바꾸지 않은 층은 가중치를 유지합니다).</translation>
    </message>
    <message>
        <source>Restarted from the initial weights after the divergence.</source>
        <translation>발산한 뒤 초기 가중치에서 다시 시작했습니다.</translation>
    </message>
    <message>
        <source>The network cannot be trained yet: {0}</source>
        <translation>신경망을 아직 학습시킬 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Nothing to train.</source>
        <translation>학습할 것이 없습니다.</translation>
    </message>
    <message>
        <source>The network cannot be built: {0}</source>
        <translation>신경망을 만들 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>The comparison cannot start: {0}</source>
        <translation>비교를 시작할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Training paused while the comparison runs.</source>
        <translation>비교가 실행되는 동안 학습을 멈췄습니다.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Data set</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Reproducibility</source>
        <translation>재현성</translation>
    </message>
    <message>
        <source>Whole network</source>
        <translation>신경망 전체</translation>
    </message>
    <message>
        <source>Apply to all Dense</source>
        <translation>모든 Dense에 적용</translation>
    </message>
    <message>
        <source>Use this initializer for every Dense kernel</source>
        <translation>모든 Dense 커널에 이 초기화 방법 사용</translation>
    </message>
    <message>
        <source>Insert {0} after every hidden Dense</source>
        <translation>모든 은닉 Dense 뒤에 {0} 넣기</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>{0} 사용</translation>
    </message>
    <message>
        <source>Initialize every Dense kernel with {0}</source>
        <translation>모든 Dense 커널을 {0}(으)로 초기화</translation>
    </message>
    <message>
        <source>Nothing to change: the network already is that way.</source>
        <translation>바꿀 것이 없습니다: 신경망이 이미 그렇게 되어 있습니다.</translation>
    </message>
</context>
<context>
    <name>TruthTable</name>
    <message>
        <source>the target: what the gate says</source>
        <translation>목표값: 게이트의 정답</translation>
    </message>
</context>
<context>
    <name>UnitWeights</name>
    <message>
        <source>Weights:  y = 1 if w1·x1 + w2·x2 + b &gt; 0, else 0</source>
        <translation>가중치:  w1·x1 + w2·x2 + b &gt; 0이면 y = 1, 아니면 0</translation>
    </message>
</context>
<context>
    <name>ViewingBanner</name>
    <message>
        <source>Back to now</source>
        <translation>현재로 돌아가기</translation>
    </message>
    <message>
        <source>&lt;b&gt;Viewing step {0}&lt;/b&gt; — every plot shows the network as it was then. Run or Step from here starts a branch.</source>
        <translation>&lt;b&gt;{0}단계를 보는 중&lt;/b&gt; — 모든 그래프가 그때의 네트워크를 보여 줍니다. 여기서 실행이나 한 단계를 누르면 갈래가 시작됩니다.</translation>
    </message>
</context>
<context>
    <name>WalkRunner</name>
    <message>
        <source>iteration %v of %m</source>
        <translation>반복 %v / %m</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop running iterations and stay where you were</source>
        <translation>반복 실행을 멈추고 원래 자리에 머뭅니다</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>Run a &amp;Comparison…</source>
        <translation>비교 실행(&amp;C)…</translation>
    </message>
    <message>
        <source>Train copies of the network under several settings, side by side</source>
        <translation>여러 설정으로 신경망 사본을 나란히 학습</translation>
    </message>
</context>
</TS>
