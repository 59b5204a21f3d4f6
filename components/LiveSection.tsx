// The live chat in the sidebar: pause and the question in focus, counters, questions (scroll to one,
// show its answers, answer one), activity, participants (mute one). It is drawn with every live report (once a second at most in a busy chat), and each
// report changes a part or two: the others keep their props, identical, and are not drawn again.
import { useCallback, useMemo, useRef } from 'preact/hooks';
import { answerText, type Handle } from '@/lib/chat';
import type { LiveSnapshot } from '@/lib/chat/live';
import type { ViewSnapshot } from '@/lib/chat/view';
import type { ViewControl } from '@/lib/chat-mode/features/live-filter';
import { chatTags, type SectionProps } from '@/lib/chat-mode/feature';
import { openComposerWithText } from '@/lib/x/composer';
import { scrollToNewest, scrollToTweet } from '@/lib/x/timeline';
import { ActivityChart as ActivityChartPart } from './ActivityChart';
import { Counters as CountersPart } from './Counters';
import { Participants as ParticipantsPart } from './Participants';
import { pure } from './pure';
import { QuestionList as QuestionListPart } from './QuestionList';
import { StreamControls as StreamControlsPart } from './StreamControls';
import { CatchUp as CatchUpPart } from './CatchUp';

const Counters = pure(CountersPart);
const QuestionList = pure(QuestionListPart);
const ActivityChart = pure(ActivityChartPart);
const Participants = pure(ParticipantsPart);
const StreamControls = pure(StreamControlsPart);
const CatchUp = pure(CatchUpPart);

const NONE: readonly Handle[] = [];

export type LiveSectionProps = Omit<SectionProps<unknown>, 'report'> & { live: LiveSnapshot; view: ViewSnapshot; control: ViewControl };

export function LiveSection(props: LiveSectionProps) {
  const { live, view, control, state, t } = props;
  // The callbacks read the latest props when called, so that they stay the same functions: the
  // question rows compare them to skip their redraw.
  const latest = useRef(props);
  latest.current = props;
  const onSelect = useCallback((key: string) => {
    const { live, doc } = latest.current;
    const question = live.questions.find((q) => q.key === key);
    if (question) scrollToTweet(doc, question.tweetId);
  }, []);
  const onAnswer = useCallback((key: string) => {
    const { live, state, doc } = latest.current;
    const { tags, chat } = state;
    const question = live.questions.find((q) => q.key === key);
    if (!tags || !chat || !question) return;
    const draft = answerText(question, chatTags({ tags, chat }));
    void openComposerWithText(doc, draft.text, draft.caret);
  }, []);
  const onMute = useCallback((handle: string) => {
    const { state, update } = latest.current;
    const muted = state.chat?.muted ?? NONE;
    if (!muted.includes(handle)) update({ muted: [...muted, handle] });
  }, []);
  const onShowAll = useCallback(() => latest.current.control.focusOn(null), []);
  const onShowTweet = useCallback((id: string) => scrollToTweet(latest.current.doc, id), []);
  // The line is on the newest tweet read; when x.com no longer has it on the page, the unread ones are at the top.
  const onShowUnread = useCallback((id: string) => {
    const { doc } = latest.current;
    if (!scrollToTweet(doc, id)) scrollToNewest(doc);
  }, []);
  const muted = state.chat?.muted ?? NONE;
  const participants = useMemo(() => live.participants.filter((p) => !muted.includes(p.handle)), [live.participants, muted]);
  return (
    <>
      <StreamControls
        view={view}
        questions={live.questions}
        onPause={control.pause}
        onResume={control.resume}
        onShowAll={onShowAll}
        onShowUnread={onShowUnread}
        t={t}
      />
      <CatchUp load={control.catchUp} onShow={onShowTweet} t={t} />
      <Counters shown={live.shown} hidden={live.hidden} held={view.held} folded={view.folded} t={t} />
      <QuestionList
        questions={live.questions}
        current={live.current}
        focus={view.focus}
        onSelect={onSelect}
        onFocus={control.focusOn}
        onAnswer={onAnswer}
        t={t}
      />
      <ActivityChart perMinute={live.perMinute} t={t} />
      <Participants participants={participants} onMute={onMute} t={t} />
    </>
  );
}
