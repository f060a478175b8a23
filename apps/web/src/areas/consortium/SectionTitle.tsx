import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A card's title as a level-2 heading, so the page's outline reads h1 → h2 → h3. */
export function SectionTitle({ children, level = 2 }: { children: ReactNode; level?: 2 | 3 }) {
  return (
    <Typography.Title level={level} style={{ fontSize: level === 2 ? 16 : 14, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}
