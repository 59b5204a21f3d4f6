import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveQuestion } from '@/lib/chat/live';
import type { Translate } from '@/lib/i18n';
import { userClick } from '@/tests/unit/user-input';
import { QuestionList } from './QuestionList';

const t: Translate = (key, ...subs) => (key === 'questionLabel' ? `Q${subs[0]}` : subs.length ? `${key}(${subs.join('|')})` : key);

const question = (key: string, text: string, answerCount = 0): LiveQuestion => {
  const m = /^(\d+)([a-e])?$/.exec(key)!;
  return {
    key,
    number: Number(m[1]),
    ...(m[2] ? { part: m[2] } : {}),
    tweetId: `id-${key}`,
    author: 'host',
    text,
    time: null,
    answerCount,
  };
};

const questions = [question('1', 'Why blog?', 3), question('2a', 'How often?', 1), question('2b', 'Where?', 0)];

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(list: LiveQuestion[], current: string | null, focus: string | null = null) {
  const onSelect = vi.fn();
  const onAnswer = vi.fn();
  const onFocus = vi.fn();
  container = document.createElement('div');
  document.body.append(container);
  // With a synchronous callback, act has rendered when it returns; its promise adds nothing.
  void act(() =>
    render(
      <QuestionList questions={list} current={current} focus={focus} onSelect={onSelect} onFocus={onFocus} onAnswer={onAnswer} t={t} />,
      container,
    ),
  );
  return { onSelect, onAnswer, onFocus };
}

const q = (selector: string) => container.querySelector<HTMLElement>(selector);
const all = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];

describe('QuestionList', () => {
  it('pins the current question at the top, marked with aria-current, then lists all in order', () => {
    mount(questions, '2a');
    const section = q('section')!;
    expect(q(`[id="${section.getAttribute('aria-labelledby')}"]`)?.textContent).toBe('questionsHeading');
    const pinned = q('[data-testid="current-question"]')!;
    expect(pinned.getAttribute('aria-current')).toBe('true');
    expect(pinned.textContent).toContain('currentQuestion');
    expect(pinned.querySelector('.question-select')?.textContent).toBe('Q2a How often?');
    // The pinned question comes before the list.
    expect(pinned.compareDocumentPosition(q('ol')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(all('ol > li').map((li) => [li.querySelector('.question-number')?.textContent, li.getAttribute('aria-current')])).toEqual([
      ['Q1', null],
      ['Q2a', 'true'],
      ['Q2b', null],
    ]);
    expect(all('ol > li .question-answers').map((e) => e.textContent)).toEqual(['answerCount(3)', 'answerCountOne', 'answerCount(0)']);
  });

  it('moves the pin and aria-current when the next question becomes the current one', () => {
    const { onSelect, onFocus, onAnswer } = mount(questions, '1');
    void act(() =>
      render(
        <QuestionList questions={questions} current="2a" focus={null} onSelect={onSelect} onFocus={onFocus} onAnswer={onAnswer} t={t} />,
        container,
      ),
    );
    expect(q('[data-testid="current-question"] .question-select')?.textContent).toBe('Q2a How often?');
    expect(all('ol > li').map((li) => [li.getAttribute('class'), li.getAttribute('aria-current')])).toEqual([
      ['question', null],
      ['question question-current', 'true'],
      ['question', null],
    ]);
  });

  it('says a new answer count without drawing the question’s text and buttons again', () => {
    const { onSelect, onFocus, onAnswer } = mount(questions, '1');
    const asked = vi.fn(t);
    const draw = (list: LiveQuestion[]) =>
      act(() =>
        render(
          <QuestionList questions={list} current="1" focus={null} onSelect={onSelect} onFocus={onFocus} onAnswer={onAnswer} t={asked} />,
          container,
        ),
      );
    void draw(questions);
    asked.mockClear();
    void draw([question('1', 'Why blog?', 4), questions[1]!, questions[2]!]);
    expect(all('.question-answers').map((e) => e.textContent)).toEqual([
      'answerCount(4)',
      'answerCount(4)',
      'answerCountOne',
      'answerCount(0)',
    ]);
    const keys = asked.mock.calls.map(([key]) => key);
    expect(keys).toContain('answerCount');
    for (const drawn of ['showQuestion', 'showAnswers', 'showAnswersTo', 'answerQuestion'] as const) expect(keys).not.toContain(drawn);
  });

  it('emits onSelect and onAnswer with the key from real buttons named after the question', () => {
    const { onSelect, onAnswer } = mount(questions, '1');
    const item = q('li[data-key="2b"]')!;
    const select = item.querySelector<HTMLButtonElement>('button.question-select')!;
    const answer = item.querySelector<HTMLButtonElement>('button.question-answer')!;
    expect(select.getAttribute('type')).toBe('button');
    expect(select.getAttribute('title')).toBe('showQuestion');
    expect(answer.textContent).toBe('answerQuestion(Q2b)');
    void act(() => select.click());
    expect(onSelect).toHaveBeenCalledWith('2b');
    void act(() => answer.click());
    expect(onAnswer).toHaveBeenCalledWith('2b');
    void act(() => q('[data-testid="current-question"] button.question-answer')!.click());
    expect(onAnswer).toHaveBeenLastCalledWith('1');
  });

  it('offers "Show answers to Q…" on every question, the current one included, pressed for the question in focus', async () => {
    const { onFocus } = mount(questions, '1', '2a');
    const buttons = all('ol > li button.question-focus');
    expect(buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-pressed'), b.textContent])).toEqual([
      ['showAnswersTo(Q1)', 'false', 'showAnswers'],
      ['showAnswersTo(Q2a)', 'true', 'showAnswers'],
      ['showAnswersTo(Q2b)', 'false', 'showAnswers'],
    ]);
    // A page script's click does nothing (the sidebar's shadow root is open to x.com).
    void act(() => buttons[0]!.click());
    expect(onFocus).not.toHaveBeenCalled();
    await act(() => userClick(q('[data-testid="current-question"] button.question-focus')!));
    expect(onFocus).toHaveBeenLastCalledWith('1');
    // Pressed again, it shows all.
    await act(() => userClick(buttons[1]!));
    expect(onFocus).toHaveBeenLastCalledWith(null);
  });

  it('shows an empty state without questions, and no pinned question without a current one', () => {
    mount([], null);
    expect(q('.questions-empty')?.textContent).toBe('noQuestions');
    expect(q('button')).toBeNull();
    render(
      <QuestionList questions={questions} current={null} focus={null} onSelect={() => {}} onFocus={() => {}} onAnswer={() => {}} t={t} />,
      container,
    );
    expect(q('[aria-current]')).toBeNull();
    expect(all('ol > li')).toHaveLength(3);
  });

  it('renders hostile question text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    mount([question('1', hostile)], '1');
    expect(all('.question-text').map((e) => e.textContent)).toEqual([hostile, hostile]);
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('isolates question text for bidi: an RLO in it cannot flip the question number or the rest', () => {
    mount([question('1', '\u2069\u202Eevil question')], '1');
    for (const text of all('.question-text')) {
      expect(text.tagName).toBe('BDI');
      expect(text.textContent).toBe('\u202Eevil question');
    }
  });
});
