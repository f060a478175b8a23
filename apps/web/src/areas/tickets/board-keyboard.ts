import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

interface Rect {
  left: number;
  width: number;
  top: number;
  height: number;
}

/**
 * The column a keyboard move lands on: the nearest column whose centre lies left or right of the
 * dragged card's centre. Pure, so it is tested without a browser.
 */
export function nextColumnCentre(
  card: Rect,
  columns: readonly Rect[],
  direction: 1 | -1,
): number | undefined {
  const centre = card.left + card.width / 2;
  let best: number | undefined;
  for (const column of columns) {
    const c = column.left + column.width / 2;
    const ahead = (c - centre) * direction;
    if (ahead > 1 && (best === undefined || ahead < (best - centre) * direction)) best = c;
  }
  return best;
}

/** Left/right arrows jump a whole column (dnd-kit's default moves 25 px a press). */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { context, currentCoordinates },
) => {
  const direction = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  const card = context.collisionRect;
  if (!direction || !card) return undefined;
  event.preventDefault();
  const columns = [...context.droppableRects.values()];
  const target = nextColumnCentre(card, columns, direction);
  if (target === undefined) return undefined;
  return { x: currentCoordinates.x + (target - (card.left + card.width / 2)), y: currentCoordinates.y };
};
