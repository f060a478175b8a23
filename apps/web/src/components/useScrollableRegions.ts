import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * Wide tables scroll sideways at tablet width; a keyboard user must be able to scroll them too
 * (WCAG 2.1.1). Ant Design's scroll containers are not focusable, so each one gets tabindex=0 as it
 * appears: focus it, then the arrow keys scroll it.
 */
export function useScrollableRegions(): void {
  useEffect(() => {
    const mark = () => {
      for (const element of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        if (element.tabIndex < 0) element.tabIndex = 0;
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
