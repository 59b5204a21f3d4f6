// The welcome page: how to use chat mode in three steps (with the demo's screenshots, in public/welcome),
// how to pin the toolbar button in this browser, and what is stored where.
import type { Translate } from '@/lib/i18n';

export interface WelcomeProps {
  t: Translate;
  /** Which browser's toolbar to explain. */
  browserKind: 'chrome' | 'firefox';
  /** The chat-mode shortcut as the browser has it; empty when none is set. */
  shortcut: string;
  openOptions: () => void;
}

const STEPS = [
  { title: 'welcomeStep1Title', text: 'welcomeStep1Text', image: '/welcome/step-1-chat-page.webp', alt: 'welcomeStep1Image' },
  { title: 'welcomeStep2Title', text: 'welcomeStep2Text', image: '/welcome/step-2-chat-mode.webp', alt: 'welcomeStep2Image' },
  { title: 'welcomeStep3Title', text: 'welcomeStep3Text', image: '/welcome/step-3-answer.webp', alt: 'welcomeStep3Image' },
] as const;

export function Welcome({ t, browserKind, shortcut, openOptions }: WelcomeProps) {
  return (
    <main class="welcome">
      <h1>{t('welcomeHeading')}</h1>
      <p>{t('extDescription')}</p>
      <section aria-labelledby="welcome-steps">
        <h2 id="welcome-steps">{t('welcomeStepsHeading')}</h2>
        <ol class="steps">
          {STEPS.map((step) => (
            <li key={step.title}>
              <h3>{t(step.title)}</h3>
              <p>{t(step.text)}</p>
              {step.title === 'welcomeStep2Title' && shortcut ? (
                <p>
                  {t('welcomeShortcut')} <kbd>{shortcut}</kbd>
                </p>
              ) : null}
              <img src={step.image} alt={t(step.alt)} width={700} height={450} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="welcome-pin">
        <h2 id="welcome-pin">{t('welcomePinHeading')}</h2>
        <p>{t(browserKind === 'firefox' ? 'welcomePinFirefox' : 'welcomePinChrome')}</p>
      </section>
      <section aria-labelledby="welcome-storage">
        <h2 id="welcome-storage">{t('welcomeStorageHeading')}</h2>
        <p>{t('welcomeStorageText')}</p>
        <button type="button" class="button" onClick={openOptions}>
          {t('popupSettings')}
        </button>
      </section>
    </main>
  );
}
