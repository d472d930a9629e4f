import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSON_STEPS } from '../lesson/lessonSteps';

/** Props of {@link LessonCard}. */
export interface LessonCardProps {
  /** Step shown, 1-based (lab state `lesson`, ≥ 1). */
  step: number;
  onStep(step: number): void;
  onClose(): void;
}

/** Props of {@link Lesson}. */
export interface LessonProps {
  /** Step shown, 1-based; 0 = the lesson is closed (lab state `lesson`). */
  step: number;
  /** `lesson_hide=1`: no Lesson button (a link with lesson=N still opens the card). */
  buttonHidden: boolean;
  onStep(step: number): void;
}

/**
 * The "Lesson" button and, while open, the lesson card right after it in the Tab order (the card
 * itself is fixed at a corner of the window). Closing returns focus to the button.
 */
export function Lesson({ step, buttonHidden, onStep }: LessonProps) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      {!buttonHidden ? (
        <button
          ref={button}
          type="button"
          aria-pressed={step > 0}
          data-testid="lesson-button"
          onClick={() => onStep(step > 0 ? 0 : 1)}
        >
          {t('lesson.button')}
        </button>
      ) : null}
      {step > 0 ? (
        <LessonCard
          step={step}
          onStep={onStep}
          onClose={() => {
            onStep(0);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

/** Class put on the panel the current step points at (styled in lab.css). */
export const LESSON_TARGET_CLASS = 'lesson-target';

/**
 * The guided lesson: a non-modal card with one sentence per step (src/ui/lesson/lessonSteps.ts),
 * Back / Next / Close, that highlights and scrolls to the step's panel. Keyboard: Tab reaches the
 * buttons, Escape closes; focus moves to the card's title on each step.
 */
export function LessonCard({ step, onStep, onClose }: LessonCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const index = Math.min(Math.max(step, 1), LESSON_STEPS.length) - 1;
  const s = LESSON_STEPS[index]!;
  const last = index === LESSON_STEPS.length - 1;
  /** The card sits on the side away from the first highlighted panel, so it does not cover it. */
  const [side, setSide] = useState<'left' | 'right'>('right');

  useEffect(() => {
    const panels = s.panels.flatMap((id) => document.getElementById(id)?.closest('section') ?? []);
    for (const p of panels) p.classList.add(LESSON_TARGET_CLASS);
    const first = panels[0];
    if (first) {
      const box = first.getBoundingClientRect();
      setSide(box.left + box.width / 2 > window.innerWidth / 2 ? 'left' : 'right');
      first.scrollIntoView?.({ block: 'nearest' });
    }
    titleRef.current?.focus();
    return () => panels.forEach((p) => p.classList.remove(LESSON_TARGET_CLASS));
  }, [s, index]);

  return (
    <div
      className="lesson-card panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-testid="lesson"
      data-step={index + 1}
      data-side={side}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={titleId} ref={titleRef} tabIndex={-1}>
        {t('lesson.heading', { step: index + 1, count: LESSON_STEPS.length, title: s.title })}
      </h2>
      <p data-testid="lesson-text">{s.text}</p>
      <div className="buttons">
        <button type="button" onClick={() => onStep(index)} disabled={index === 0} data-testid="lesson-back">
          {t('lesson.back')}
        </button>
        {last ? (
          <button type="button" className="primary" onClick={onClose} data-testid="lesson-done">
            {t('lesson.done')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => onStep(index + 2)} data-testid="lesson-next">
            {t('lesson.next')}
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="lesson-close" aria-label={t('lesson.closeLabel')}>
          {t('lesson.close')}
        </button>
      </div>
    </div>
  );
}
