import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_PLAN, type HostPlan } from '@/lib/chat/host-plan';
import type { Translate } from '@/lib/i18n';
import { useRoot } from '@/tests/unit/render';
import { userClick } from '@/tests/unit/user-input';
import { PlanEditor } from './PlanEditor';

const t: Translate = (key, ...subs) => (subs.length ? `${key}(${subs.join('|')})` : key);
const plan: HostPlan = {
  welcome: 'Welcome to #blogchat!',
  questions: [
    { text: 'Why blog?', subs: [] },
    { text: 'Which tools?', subs: ['For writing?', 'For images?'] },
  ],
  wrapUp: 'Thanks!',
  firstAt: 5,
  every: 6,
};

let root: HTMLElement;
useRoot((created) => (root = created));

function mount(initial: HostPlan = plan) {
  const onSave = vi.fn<(plan: HostPlan) => void>();
  const onEdit = vi.fn<(plan: HostPlan) => void>();
  void act(() => render(<PlanEditor plan={initial} tags={['blogchat']} onSave={onSave} onEdit={onEdit} t={t} idPrefix="p" />, root));
  return { onSave, onEdit };
}
const field = (name: string) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
const save = () => act(() => userClick([...root.querySelectorAll('button')].find((b) => b.textContent === 'planSave')!));
/** Types `value` into the field, as the user does. */
const type = (name: string, value: string) =>
  act(() => {
    const input = field(name);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('PlanEditor', () => {
  it('shows the plan, every field with its label', () => {
    mount();
    expect(field('welcome').value).toBe('Welcome to #blogchat!');
    expect(field('questions').value).toBe('Why blog?\nWhich tools?\n- For writing?\n- For images?');
    expect(field('wrapUp').value).toBe('Thanks!');
    expect(field('firstAt').value).toBe('5');
    expect(field('every').value).toBe('6');
    const labels = ['welcome', 'questions', 'wrapUp', 'firstAt', 'every'].map(
      (name) => root.querySelector(`label[for="${field(name).id}"]`)?.textContent,
    );
    expect(labels).toEqual(['planWelcome', 'planQuestions', 'planWrapUp', 'planFirstAt', 'planEvery']);
    expect(field('questions').getAttribute('aria-describedby')).toContain('p-plan-questions-hint');
    expect(root.querySelectorAll('.plan-warnings li')).toHaveLength(0);
  });

  it('saves the plan as edited, on the user’s own click only', async () => {
    const { onSave, onEdit } = mount(EMPTY_PLAN);
    await type('welcome', ' Hello all ');
    await type('questions', 'Q1) First?\n  part a\nSecond?');
    await type('every', '10');
    expect(onEdit).toHaveBeenLastCalledWith({
      welcome: ' Hello all ',
      questions: [
        { text: 'First?', subs: ['part a'] },
        { text: 'Second?', subs: [] },
      ],
      wrapUp: '',
      firstAt: 5,
      every: 10,
    });
    await act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'planSave')!.click());
    expect(onSave).not.toHaveBeenCalled();
    await save();
    expect(onSave).toHaveBeenCalledExactlyOnceWith({
      welcome: 'Hello all',
      questions: [
        { text: 'First?', subs: ['part a'] },
        { text: 'Second?', subs: [] },
      ],
      wrapUp: '',
      firstAt: 5,
      every: 10,
    });
  });

  it('warns about a question over 280 characters once labelled and tagged, and still saves it', async () => {
    const { onSave } = mount(EMPTY_PLAN);
    // 'Q1) ' 4 + 266 + ' #blogchat' 10 = 280: fits.
    await type('questions', `${'x'.repeat(266)}\n- ${'y'.repeat(267)}`);
    expect([...root.querySelectorAll('.plan-warnings li')].map((li) => li.textContent)).toEqual(['planTooLong(Q1a|282)']);
    expect(field('questions').getAttribute('aria-describedby')).toContain('p-plan-questions-warnings');
    await save();
    expect(onSave).toHaveBeenCalledOnce();
    await type('questions', 'Short?');
    expect(root.querySelectorAll('.plan-warnings li')).toHaveLength(0);
  });

  it.each<[string, string, string, string]>([
    ['an empty spacing', 'every', '', 'expected a whole number of minutes from 1 to 1440'],
    ['a negative start', 'firstAt', '-5', 'expected a whole number of minutes from 0 to 1440'],
    ['a fractional spacing', 'every', '2.5', 'expected a whole number of minutes from 1 to 1440'],
    ['a welcome too long', 'welcome', 'w'.repeat(1001), 'longer than 1000 characters'],
    ['six sub-questions', 'questions', 'Why?\nok\n-1\n-2\n-3\n-4\n-5\n-6', 'Q2: more than 5 items'],
  ])('refuses to save %s, saying why next to the field', async (_name, name, value, message) => {
    const { onSave } = mount();
    await type(name, value);
    await save();
    expect(onSave).not.toHaveBeenCalled();
    expect(field(name).getAttribute('aria-invalid')).toBe('true');
    const described = field(name).getAttribute('aria-describedby')!.split(' ');
    expect(described).toContain(`p-plan-${name}-error`);
    expect(root.querySelector(`#p-plan-${name}-error`)?.textContent).toBe(message);
    await type(name, name === 'questions' ? 'Why?' : name === 'welcome' ? '' : '3');
    await save();
    expect(onSave).toHaveBeenCalledOnce();
    expect(root.querySelector('.field-error')).toBeNull();
  });
});
