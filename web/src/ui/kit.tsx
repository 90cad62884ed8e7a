import type { ComponentChildren } from 'preact';
import { linkClick } from '../router';

/** A link inside the console. */
export function Link({ to, children, class: cls }: { to: string; children: ComponentChildren; class?: string }) {
  return (
    <a href={to} onClick={linkClick(to)} class={cls}>
      {children}
    </a>
  );
}

/** A failure, said in a sentence (role=alert, so a screen reader says it at once). */
export function Problem({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="problem" role="alert">
      {text}
    </p>
  ) : null;
}

export function Done({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="done" role="status">
      {text}
    </p>
  ) : null;
}

export function Loading({ when }: { when: boolean }) {
  return when ? (
    <p class="muted" aria-live="polite">
      加载中…
    </p>
  ) : null;
}

/** A labelled form field; the label names the input for assistive technology. */
export function Field({ label, children, hint }: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    <label class="field">
      <span class="label">{label}</span>
      {children}
      {hint ? <span class="hint">{hint}</span> : null}
    </label>
  );
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
