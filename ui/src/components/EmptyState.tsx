// A centred empty state: title, explanation and optional actions (antd Empty underneath).
import type { ReactNode } from "react";
import { Empty, Space, Typography } from "antd";

type Props = { title: string; description?: ReactNode; actions?: ReactNode; testId?: string; image?: ReactNode };

export function EmptyState({ title, description, actions, testId, image }: Props) {
  return (
    <div className="laoke-empty" data-testid={testId}>
      <Empty
        image={image ?? Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Space direction="vertical" size={4}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
          </Space>
        }
      >
        {actions}
      </Empty>
    </div>
  );
}
