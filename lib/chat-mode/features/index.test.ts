import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { features } from '.';

const files = readdirSync(import.meta.dirname).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !/^index\.tsx?$/.test(f));

describe('the feature list', () => {
  it.each(files)('registers the feature of %s', async (file) => {
    const module = (await import(/* @vite-ignore */ `./${file}`)) as Record<string, unknown>;
    const registered = Object.values(module).filter((value) => (features as readonly unknown[]).includes(value));
    expect(registered).toHaveLength(1);
  });

  it('has one file per feature, and unique names (each names its report slot)', () => {
    expect(features.length).toBe(files.length);
    expect(new Set(features.map((f) => f.name)).size).toBe(features.length);
  });
});
