import { describe, expect, it } from 'vitest';
import { textOf } from './tweet-text';

describe('textOf', () => {
  it('drops SVG icons and keeps img alt', () => {
    const div = document.createElement('div');
    div.append(
      'a ',
      document.createElementNS('http://www.w3.org/2000/svg', 'svg'),
      Object.assign(document.createElement('img'), { alt: '🚀' }),
      document.createElement('br'),
      'b',
    );
    expect(textOf(div)).toBe('a 🚀\nb');
  });
});
