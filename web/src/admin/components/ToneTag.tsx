/**
 * Tag with a fixed, WCAG-AA-contrast colour pair (antd's preset tag colours fall below 4.5:1
 * for some hues at 12px). Tones are defined in styles.css (.tone-*).
 */
import type { ReactNode } from 'react';
import { Tag, type TagProps } from 'antd';

export type Tone = 'red' | 'orange' | 'blue' | 'green' | 'purple' | 'grey' | 'teal' | 'gold' | 'magenta';

interface Props extends Omit<TagProps, 'color'> {
  tone: Tone;
  children: ReactNode;
}

export function ToneTag({ tone, className, children, ...rest }: Props) {
  return (
    <Tag {...rest} className={`tone-tag tone-${tone}${className ? ` ${className}` : ''}`}>
      {children}
    </Tag>
  );
}
