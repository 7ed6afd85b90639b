import { useLayoutEffect } from 'react';
import type { BoardPreview as Preview } from '../../../shared/store/boardPreview';
import { shortDate } from '../ui/dates';
import { markBoardFirstPaint } from './firstPaint';
import { afterNextPaint } from '../ui/afterPaint';

/**
 * The board as it was last stored, shown while the workspace's document loads. Read-only:
 * nothing can be dragged, opened or edited until the live board replaces it.
 */
export function BoardPreview(props: { preview: Preview; today: string; onPainted?: () => void }) {
  const { preview, today, onPainted } = props;
  useLayoutEffect(
    () =>
      afterNextPaint(() => {
        markBoardFirstPaint();
        onPainted?.();
      }),
    [onPainted],
  );
  return (
    <div
      className="board is-preview"
      data-testid="board-preview"
      role="region"
      aria-label="Board, loading"
      aria-busy="true"
    >
      <p className="board-preview-status" role="status">
        <span className="spinner" aria-hidden="true" /> Loading…
      </p>
      {preview.stages.map((stage) => (
        <section
          key={stage.id}
          className="column"
          aria-label={`${stage.name}, ${stage.count} ${stage.count === 1 ? 'drop' : 'drops'}`}
        >
          <header className="column-header">
            <h2 className="column-title">{stage.name}</h2>
            <span className="column-count">{stage.count}</span>
          </header>
          <div className="column-body">
            <div className="card-list">
              {stage.cards.map((card) => (
                <div
                  key={card.id}
                  className={card.archived ? 'card is-archived' : 'card'}
                  data-testid="preview-card"
                >
                  <span
                    className="card-stripe"
                    style={{ background: card.color }}
                    aria-hidden="true"
                  />
                  <span className="card-title">{card.title}</span>
                  <span className="card-row">
                    <span className={card.creatorName ? 'card-creator' : 'card-creator is-empty'}>
                      {card.creatorName ?? 'No creator yet'}
                    </span>
                  </span>
                  <span className="card-row card-footer">
                    <span className={card.dropDate ? 'card-date' : 'card-date is-empty'}>
                      {card.dropDate ? shortDate(card.dropDate, today) : 'No drop date'}
                    </span>
                  </span>
                </div>
              ))}
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
