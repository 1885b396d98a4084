import type { ReactNode } from 'react';
import { Button, Card, Form, Space } from 'antd';
import { useI18n } from '../i18n/i18n';

/** A list's filter form: submit writes the values to the URL, reset clears them. */
export function FilterBar<T extends Record<string, unknown>>(props: {
  initialValues: T;
  onSubmit: (values: T) => void;
  onReset: () => void;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<T>();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="inline"
        initialValues={props.initialValues}
        onFinish={props.onSubmit}
        style={{ rowGap: 8 }}
        key={JSON.stringify(props.initialValues)}
      >
        {props.children}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                props.onReset();
              }}
            >
              {t('common.reset')}
            </Button>
            {props.extra}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
