<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
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
</TS>
