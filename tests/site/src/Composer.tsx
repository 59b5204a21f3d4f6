/**
 * A composer like x.com's desktop one: a real Draft.js `Editor` whose contenteditable carries
 * `data-testid="tweetTextarea_0"`, inside `label[data-testid="tweetTextarea_0_label"]` and
 * `div[data-testid="tweetTextarea_0RichTextInputContainer"]`; a `toolBar` with the Post/Reply button
 * (`tweetButton` in modals, `tweetButtonInline` inline), disabled while the plain text is blank.
 * Draft's own handling of typing, paste, beforeinput and IME is untouched.
 */
import { CompositeDecorator, Editor, EditorState, type ContentBlock, type SelectionState } from 'draft-js';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ComposerInfo, ComposerWhere } from './api';
import { T, textareaContainerId, textareaId, textareaLabelId } from './markup';
import { Avatar } from './TweetParts';
import { ME, store } from './store';

type Strategy = (block: ContentBlock, cb: (start: number, end: number) => void) => void;
const regexStrategy =
  (re: RegExp): Strategy =>
  (block, cb) => {
    const text = block.getText();
    for (const m of text.matchAll(re)) {
      const lead = m[1]?.length ?? 0;
      const start = (m.index ?? 0) + lead;
      cb(start, (m.index ?? 0) + m[0].length);
    }
  };
const Highlight = (props: { children?: ReactNode }) => <span className="composer-entity">{props.children}</span>;

/** hashtags, mentions and URLs in the accent colour, like x.com's composer */
const decorator = new CompositeDecorator([
  { strategy: regexStrategy(/(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu), component: Highlight },
  { strategy: regexStrategy(/(^|[^\p{L}\p{N}_])@[A-Za-z0-9_]{1,15}/gu), component: Highlight },
  { strategy: regexStrategy(/(^|\s)https?:\/\/\S+/gu), component: Highlight },
]);

let nextId = 1;

function selectionInfo(es: EditorState): ComposerInfo['selection'] {
  const content = es.getCurrentContent();
  const sel = es.getSelection();
  const blocks = content.getBlocksAsArray();
  const offsetOf = (key: string, off: number): number => {
    let pos = 0;
    for (const b of blocks) {
      if (b.getKey() === key) return pos + off;
      pos += b.getLength() + 1;
    }
    return pos;
  };
  const a = offsetOf(sel.getAnchorKey(), sel.getAnchorOffset());
  const f = offsetOf(sel.getFocusKey(), sel.getFocusOffset());
  return { start: Math.min(a, f), end: Math.max(a, f), hasFocus: sel.getHasFocus() };
}

export interface ComposerProps {
  where: ComposerWhere;
  placeholder: string;
  buttonLabel: string;
  inline: boolean;
  autoFocus?: boolean;
  onPost(text: string): void;
  /** rendered between the editor and the toolbar (quoted tweet) */
  children?: ReactNode;
  /** keeps the draft across remounts (virtualised inline reply composer) */
  draftKey?: string;
}

const drafts = new Map<string, EditorState>();

export function Composer({ where, placeholder, buttonLabel, inline, autoFocus, onPost, children, draftKey }: ComposerProps) {
  const [editorState, setEditorState] = useState(() => {
    const saved = draftKey ? drafts.get(draftKey) : undefined;
    if (!saved) return EditorState.createEmpty(decorator);
    const blurred = saved.getSelection().set('hasFocus', false) as SelectionState;
    return EditorState.acceptSelection(EditorState.set(saved, { decorator }), blurred);
  });
  const stateRef = useRef(editorState);
  stateRef.current = editorState;
  const editor = useRef<Editor>(null);
  const [id] = useState(() => nextId++);
  const text = editorState.getCurrentContent().getPlainText();
  const enabled = text.trim().length > 0;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const testId = textareaId(0);

  useEffect(() => {
    store.composers.set(id, {
      id,
      info: () => ({
        testId,
        where,
        text: stateRef.current.getCurrentContent().getPlainText(),
        selection: selectionInfo(stateRef.current),
        postEnabled: enabledRef.current,
      }),
    });
    return () => {
      store.composers.delete(id);
    };
  }, [id, testId, where]);

  useEffect(() => {
    if (autoFocus) editor.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (draftKey) drafts.set(draftKey, editorState);
  }, [draftKey, editorState]);

  const post = () => {
    if (!enabledRef.current) return;
    const t = stateRef.current.getCurrentContent().getPlainText();
    setEditorState(EditorState.createEmpty(decorator));
    if (draftKey) drafts.delete(draftKey);
    onPost(t);
  };

  return (
    <div className={`css-175oi2r composer composer-${where}`}>
      <div className="css-175oi2r r-18u37iz composer-row">
        <div className="css-175oi2r composer-avatar">
          <Avatar p={ME} />
        </div>
        <div className="css-175oi2r composer-main">
          <div className="css-175oi2r">
            <div className="css-175oi2r" data-testid={textareaContainerId(0)}>
              <div className="css-175oi2r">
                <label className="composer-label" data-testid={textareaLabelId(0)}>
                  <div className="css-175oi2r">
                    <div className="css-146c3p1 composer-text" dir="auto">
                      <Editor
                        ref={editor}
                        editorState={editorState}
                        onChange={setEditorState}
                        placeholder={placeholder}
                        webDriverTestID={testId}
                        ariaLabel="Post text"
                        ariaMultiline
                        ariaAutoComplete="list"
                        ariaControls={`typeaheadDropdownWrapped-${id}`}
                        spellCheck
                        stripPastedStyles
                        tabIndex={0}
                      />
                    </div>
                  </div>
                </label>
              </div>
            </div>
          </div>
          {children}
          <div className="css-175oi2r r-18u37iz composer-bottom">
            <div className="css-175oi2r r-18u37iz" data-testid={T.toolBar}>
              <div className="css-175oi2r r-18u37iz composer-icons" role="tablist">
                <button type="button" role="button" aria-label="Add photos or video" className="css-175oi2r tool">
                  ▣
                </button>
                <button type="button" role="button" aria-label="Add a GIF" className="css-175oi2r tool">
                  GIF
                </button>
                <button type="button" role="button" aria-label="Add emoji" className="css-175oi2r tool">
                  ☺
                </button>
              </div>
              <div className="css-175oi2r composer-send">
                <button
                  type="button"
                  role="button"
                  className="css-175oi2r post-button"
                  data-testid={inline ? T.tweetButtonInline : T.tweetButton}
                  disabled={!enabled}
                  aria-disabled={enabled ? undefined : 'true'}
                  tabIndex={enabled ? 0 : -1}
                  onClick={post}
                >
                  <div dir="ltr" className="css-146c3p1">
                    <span className="css-1jxf684">
                      <span className="css-1jxf684">{buttonLabel}</span>
                    </span>
                  </div>
                </button>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
