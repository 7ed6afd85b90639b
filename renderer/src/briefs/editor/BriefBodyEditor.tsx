import { Extension, type Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Plugin } from '@tiptap/pm/state';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import type { Doc } from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

/** The sync layer's presence, which the editor shows as carets. */
export type PresenceAwareness = Awareness;
import { printableFileName, printableLine, root, type DropId } from '../../../../shared/model';
import { isMac } from '../../platform/platform';
import { briefPasteRules } from './briefPasteRules';
import { pastedTables } from './pastedTables';
import { caretAfterRedo } from './caretAfterRedo';
import { linkAddress } from './linkAddress';
import { caretFromYjs } from './caretFromYjs';
import { briefSchemaExtensions } from './extensions';
import { flushPendingSelection, readPendingSelection } from './pendingSelection';
import { typedAtCaret } from './typedAtCaret';

/** Pictures are stored in the document itself: keep them small enough to sync quickly. */
export const MAX_IMAGE_BYTES = 1.5 * 1024 * 1024;

export interface PresenceUser {
  name: string;
  color: string;
}

export function imageTooLargeMessage(bytes: number): string {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return `That picture is ${mb} MB. Pictures are stored in the brief, up to 1.5 MB each: export a smaller JPEG and add it again.`;
}

// Pasted or dropped picture files become data URLs in the document (never remote links).
function imageFiles(onMessage: (m: string) => void) {
  const insert = (editor: Editor, files: File[], pos?: number) => {
    for (const file of files) {
      if (file.size > MAX_IMAGE_BYTES) {
        onMessage(imageTooLargeMessage(file.size));
        continue;
      }
      const reader = new FileReader();
      reader.onload = () => {
        if (typeof reader.result !== 'string') return;
        const node = {
          type: 'image',
          // Its name without the extension, as one plain line (a U+202E in it is not).
          attrs: { src: reader.result, alt: printableLine(file.name.replace(/\.[^.]+$/, '')) },
        };
        const chain = editor.chain().focus();
        if (pos !== undefined) chain.insertContentAt(pos, node).run();
        else chain.insertContent(node).run();
      };
      reader.onerror = () => onMessage(`Could not read ${printableFileName(file.name)}.`);
      reader.readAsDataURL(file);
    }
  };
  return Extension.create({
    name: 'briefImageFiles',
    addProseMirrorPlugins() {
      const editor = this.editor;
      const pick = (list: FileList | null | undefined) =>
        [...(list ?? [])].filter((f) => f.type.startsWith('image/'));
      return [
        new Plugin({
          props: {
            handlePaste: (_view, event) => {
              const files = pick(event.clipboardData?.files);
              if (!files.length) return false;
              insert(editor, files);
              return true;
            },
            handleDrop: (view, event) => {
              const files = pick(event.dataTransfer?.files);
              if (!files.length) return false;
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
              insert(editor, files, at?.pos);
              return true;
            },
            handleDOMEvents: {
              // The application menu's Undo/Redo arrive as native history input events.
              beforeinput: (_view, event) => {
                const run =
                  event.inputType === 'historyUndo'
                    ? () => editor.commands.undo()
                    : event.inputType === 'historyRedo'
                      ? () => editor.commands.redo()
                      : null;
                if (!run) return false;
                // The browser's own history knows nothing of the shared text: replace it.
                event.preventDefault();
                run();
                return true;
              },
            },
          },
        }),
      ];
    },
    addStorage() {
      return { insert };
    },
  });
}

/**
 * The brief's free text, bound to the `brief:<dropId>` fragment of the workspace document.
 * Nothing is written when it opens: an untouched brief shows the template's outline as a
 * hint, so two people opening the same new brief offline never double any text.
 */
export function BriefBodyEditor(props: {
  doc: Doc;
  dropId: DropId;
  outline: string;
  readOnly?: boolean;
  /** Presence from the sync layer; without it the editor works alone. */
  awareness?: Awareness | null;
  user?: PresenceUser;
  onMessage: (message: string) => void;
}) {
  const { doc, dropId, outline, readOnly = false, awareness, user, onMessage } = props;
  const messageRef = useRef(onMessage);
  messageRef.current = onMessage;
  const fileInput = useRef<HTMLInputElement>(null);

  const editor = useEditor(
    {
      extensions: [
        ...briefSchemaExtensions(),
        readPendingSelection(doc, awareness ?? null),
        Collaboration.configure({ fragment: root.briefBody(doc, dropId) }),
        typedAtCaret(),
        caretFromYjs(),
        caretAfterRedo(),
        ...(awareness
          ? [
              CollaborationCaret.configure({
                provider: { awareness },
                user: user ?? { name: 'Someone', color: '#6d28d9' },
              }),
            ]
          : []),
        imageFiles((m) => messageRef.current(m)),
        briefPasteRules((m) => messageRef.current(m)),
        pastedTables(),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: {
          class: 'brief-prose',
          'aria-label': 'Creative direction',
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'true',
        },
      },
    },
    [doc, dropId, awareness],
  );

  useEffect(() => {
    editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  // Compare by value: presence changes re-render the app, and a new-but-equal user object must
  // not write presence again (that write would re-render, and so on).
  const userName = user?.name;
  const userColor = user?.color;
  useEffect(() => {
    if (!awareness || !userName || !userColor) return;
    const current = (awareness.getLocalState() as { user?: PresenceUser } | null)?.user;
    if (current?.name === userName && current?.color === userColor) return;
    editor.commands.updateUser?.({ name: userName, color: userColor });
  }, [editor, awareness, userName, userColor]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      // O(1): one empty paragraph (isEmpty walks the whole text on every keystroke).
      empty:
        e.state.doc.childCount === 1 &&
        e.state.doc.firstChild?.type.name === 'paragraph' &&
        e.state.doc.firstChild.childCount === 0,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      tasks: e.isActive('taskList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
    }),
  });

  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const mod = isMac() ? '⌘' : 'Ctrl+';
  const applyLink = () => {
    const typed = (linkDraft ?? '').trim();
    setLinkDraft(null);
    const chain = editor.chain().focus().extendMarkRange('link');
    if (!typed) return void chain.unsetLink().run();
    const href = linkAddress(typed);
    const linked =
      href !== null &&
      (editor.state.selection.empty && !editor.isActive('link')
        ? // Nothing selected: the address goes in as its own linked text, and what is typed
          // next is plain text again (a link mark at the caret used to take the next words).
          editor
            .chain()
            .focus()
            .insertContent({
              type: 'text',
              text: typed,
              marks: [{ type: 'link', attrs: { href } }],
            })
            .unsetMark('link')
            .run()
        : chain.setLink({ href }).run());
    if (!linked) {
      // Said as one short plain line, whatever was pasted into the field.
      const line = printableLine(typed);
      const shown = [...line].length > 60 ? `${[...line].slice(0, 60).join('')}…` : line;
      onMessage(`“${shown}” is not a web or email address: nothing was linked.`);
    }
  };

  // The outline as a scaffold: one small heading per line, each with an empty line to write in.
  const outlineLines = outline
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const insertOutline = () => {
    if (readOnly || outlineLines.length === 0) return;
    editor
      .chain()
      .focus()
      .insertContent(
        outlineLines.flatMap((line) => [
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: line }] },
          { type: 'paragraph' },
        ]),
      )
      .run();
  };
  const insertOutlineRef = useRef(insertOutline);
  insertOutlineRef.current = insertOutline;

  useEffect(() => {
    // Ctrl/⌘+K opens the link field while the text has focus; Ctrl/⌘+Shift+O inserts the outline.
    const dom = editor.view.dom;
    const onKey = (e: KeyboardEvent) => {
      if (!(isMac() ? e.metaKey : e.ctrlKey)) return;
      if (e.key.toLowerCase() === 'k' && !e.shiftKey) {
        e.preventDefault();
        // Words selected just now (Shift+Home, then Ctrl+K at once) reach the editor a task
        // later: read them before the link field takes the focus, or the link goes nowhere.
        flushPendingSelection(editor.view);
        setLinkDraft(editor.getAttributes('link').href ?? '');
      } else if (e.key.toLowerCase() === 'o' && e.shiftKey && !e.altKey) {
        e.preventDefault();
        insertOutlineRef.current();
      }
    };
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor]);

  const b = (
    label: string,
    shortcut: string,
    active: boolean | undefined,
    run: () => void,
    text: string,
  ) => (
    <button
      type="button"
      className={active ? 'tool tool-on' : 'tool'}
      aria-pressed={active ?? false}
      title={`${label} (${shortcut})`}
      aria-label={label}
      disabled={readOnly}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  const c = () => editor.chain().focus();

  return (
    <div className="brief-body">
      <div className="brief-toolbar" role="toolbar" aria-label="Text formatting">
        {b('Bold', `${mod}B`, state?.bold, () => c().toggleBold().run(), 'B')}
        {b('Italic', `${mod}I`, state?.italic, () => c().toggleItalic().run(), 'I')}
        <span className="tool-sep" />
        {b(
          'Heading 1',
          `${mod}Alt+1`,
          state?.h1,
          () => c().toggleHeading({ level: 1 }).run(),
          'H1',
        )}
        {b(
          'Heading 2',
          `${mod}Alt+2`,
          state?.h2,
          () => c().toggleHeading({ level: 2 }).run(),
          'H2',
        )}
        {b(
          'Heading 3',
          `${mod}Alt+3`,
          state?.h3,
          () => c().toggleHeading({ level: 3 }).run(),
          'H3',
        )}
        <span className="tool-sep" />
        {b('Bullet list', `${mod}Shift+8`, state?.bullet, () => c().toggleBulletList().run(), '•')}
        {b(
          'Numbered list',
          `${mod}Shift+7`,
          state?.ordered,
          () => c().toggleOrderedList().run(),
          '1.',
        )}
        {b('Checklist', `${mod}Shift+9`, state?.tasks, () => c().toggleTaskList().run(), '☑')}
        {b('Quote', `${mod}Shift+B`, state?.quote, () => c().toggleBlockquote().run(), '❝')}
        <span className="tool-sep" />
        {b('Link', `${mod}K`, state?.link, () => setLinkDraft(state?.href ?? ''), 'Link')}
        {b(
          'Picture (up to 1.5 MB)',
          'paste or drop',
          false,
          () => fileInput.current?.click(),
          'Picture',
        )}
        <span className="tool-sep" />
        {outlineLines.length > 0 && (
          <button
            type="button"
            className="tool tool-text"
            title={`Insert the template's outline at the cursor (${outlineShortcut()})`}
            aria-keyshortcuts={isMac() ? 'Meta+Shift+O' : 'Control+Shift+O'}
            disabled={readOnly}
            onMouseDown={(e) => e.preventDefault()}
            onClick={insertOutline}
          >
            Insert outline
          </button>
        )}
        <span className="tool-sep" />
        {b('Undo your typing', `${mod}Z`, false, () => c().undo().run(), '↶')}
        {b('Redo', isMac() ? '⇧⌘Z' : 'Ctrl+Shift+Z', false, () => c().redo().run(), '↷')}
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          hidden
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            (
              editor.storage as unknown as {
                briefImageFiles: { insert: (ed: Editor, f: File[]) => void };
              }
            ).briefImageFiles.insert(editor, files);
          }}
        />
      </div>
      {linkDraft !== null && (
        <div className="brief-linkbar">
          <input
            autoFocus
            className="input"
            aria-label="Link address"
            data-own-escape
            placeholder="https://…"
            value={linkDraft}
            onChange={(e) => setLinkDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') {
                // Closes the link field only, not the brief around it.
                e.preventDefault();
                setLinkDraft(null);
                editor.commands.focus();
              }
            }}
          />
          <button type="button" className="button" onClick={applyLink}>
            {linkDraft.trim() ? 'Apply' : 'Remove link'}
          </button>
        </div>
      )}
      <div className="brief-prose-wrap">
        {state?.empty && (
          <div className="brief-outline" aria-hidden="true">
            {outline.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
            {outlineLines.length > 0 && !readOnly && (
              <p className="brief-outline-tip">
                Insert outline ({outlineShortcut()}) keeps these lines as headings to write under.
              </p>
            )}
          </div>
        )}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

/** The outline shortcut as this platform writes it. */
function outlineShortcut(): string {
  return isMac() ? '⇧⌘O' : 'Ctrl+Shift+O';
}
