/** Page title bar: an h1, an optional description and actions on the right. */
import type { ReactNode } from 'react';
import { Typography } from 'antd';

interface Props {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}

export function PageHeader({ title, description, extra }: Props) {
  return (
    <div className="page-header">
      <div className="page-header-text">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
      </div>
      {extra ? <div className="page-header-extra">{extra}</div> : null}
    </div>
  );
}
