/** What x.com renders in #layers: the compose/reply/quote modal and the repost menu. */
import { useEffect } from 'react';
import { Composer } from './Composer';
import { T } from './markup';
import { Avatar, Icon, QuoteCard } from './TweetParts';
import { displayText, RichText } from './TweetText';
import type { TweetSpec } from './api';
import type { ModalState } from './routes';
import { store } from './store';
import { vh } from './Pages';

function ReplyContext({ t }: { t: TweetSpec }) {
  return (
    <div className="css-175oi2r reply-context">
      <div className="css-175oi2r r-18u37iz">
        <div className="css-175oi2r context-col">
          <Avatar p={t} />
          <div className="thread-line" />
        </div>
        <div className="css-175oi2r grow">
          <div className="css-175oi2r r-18u37iz" data-testid={T.userName}>
            <span className="css-1jxf684 name">{t.name}</span>&nbsp;<span className="css-1jxf684 muted">@{t.handle}</span>
          </div>
          <div dir="auto" lang={t.lang} className="css-146c3p1 tweet-text" data-testid={T.tweetText}>
            {RichText({ text: displayText(t) })}
          </div>
          <div className="css-146c3p1 muted replying">
            Replying to <span className="link">@{t.handle}</span>
          </div>
        </div>
      </div>
    </div>
  );
}

export function Modal({ state }: { state: ModalState }) {
  const t = state.tweetId ? store.tweets.get(state.tweetId) : undefined;
  const kind = t ? state.modal : 'new';
  const close = () => store.closeModal();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const onPost = (text: string) => {
    if (kind === 'reply') store.post(text, 'reply', t);
    else if (kind === 'quote') store.post(text, 'quote', undefined, t);
    else store.post(text, 'modal');
    store.closeModal();
  };
  return (
    <div className="css-175oi2r layer">
      <div className="css-175oi2r mask" data-testid={T.mask} onClick={close} />
      <div aria-labelledby="modal-header" aria-modal="true" role="dialog" className="css-175oi2r dialog">
        <div className="css-175oi2r r-18u37iz dialog-top">
          <button
            data-testid={T.appBarClose}
            aria-label="Close"
            role="button"
            type="button"
            className="css-175oi2r icon-btn"
            onClick={close}
          >
            ✕
          </button>
          <h2 id="modal-header" className={`css-146c3p1 ${vh}`}>
            {kind === 'reply' ? 'Reply' : kind === 'quote' ? 'Quote' : 'Compose new post'}
          </h2>
          <div className="css-175oi2r grow" />
          <span className="css-1jxf684 link drafts">Drafts</span>
        </div>
        {kind === 'reply' && t ? <ReplyContext t={t} /> : null}
        <Composer
          key={store.entryKey()}
          where={kind === 'new' ? 'modal' : kind}
          inline={false}
          autoFocus
          placeholder={kind === 'reply' ? 'Post your reply' : kind === 'quote' ? 'Add a comment' : 'What is happening?!'}
          buttonLabel={kind === 'reply' ? 'Reply' : 'Post'}
          onPost={onPost}
        >
          {kind === 'quote' && t ? (
            <div className="css-175oi2r quote-in-composer">
              <QuoteCard q={t} />
            </div>
          ) : null}
        </Composer>
      </div>
    </div>
  );
}

/** The new-post composer at phone widths: a page of its own in the primary column (x.com's mobile layout). */
export function ComposePage() {
  const close = () => store.closeModal();
  return (
    <div className="css-175oi2r compose-page">
      <div className="css-175oi2r r-18u37iz dialog-top">
        <button data-testid={T.appBarClose} aria-label="Close" role="button" type="button" className="css-175oi2r icon-btn" onClick={close}>
          ✕
        </button>
        <h2 className={`css-146c3p1 ${vh}`}>Compose new post</h2>
      </div>
      <Composer
        key={store.entryKey()}
        where="page"
        inline={false}
        autoFocus
        placeholder="What is happening?!"
        buttonLabel="Post"
        onPost={(text) => {
          store.post(text, 'page');
          close();
        }}
      />
    </div>
  );
}

export function RetweetMenu() {
  const m = store.menu;
  if (!m) return null;
  const close = () => {
    store.menu = null;
    store.emit();
  };
  return (
    <div className="css-175oi2r layer">
      <div className="css-175oi2r mask clear" onClick={close} />
      <div role="menu" className="css-175oi2r menu" style={{ top: m.y, left: Math.max(8, m.x - 60) }}>
        <div
          role="menuitem"
          tabIndex={0}
          data-testid={T.retweetConfirm}
          className="css-175oi2r menu-item"
          onClick={() => {
            close();
            store.showToast('Reposted');
            store.emit();
          }}
        >
          <Icon name="retweet" />
          <span className="css-1jxf684">Repost</span>
        </div>
        <a
          href="/compose/post"
          role="menuitem"
          className="css-175oi2r menu-item"
          onClick={(e) => {
            e.preventDefault();
            store.openModal('quote', m.tweet.id);
          }}
        >
          <span className="css-1jxf684">✎</span>
          <span className="css-1jxf684">Quote</span>
        </a>
      </div>
    </div>
  );
}
