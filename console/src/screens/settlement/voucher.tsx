import { useEffect, useState } from 'react';
import { Button, Image, Spin, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { CombinedError, stringifyDocument, type TypedDocumentNode } from 'urql';
import { useSession } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';

/** What the gateway accepts as a voucher (it checks the content again). */
export const VOUCHER_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];
/** The gateway's default voucher limit (VOUCHER_UPLOAD_MAX_BYTES). */
export const VOUCHER_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Runs `document` as a GraphQL multipart request (the upload spec) with `file` at
 * `filePath` of the variables, reporting upload progress; resolves with the data or
 * rejects with the graph's errors as a CombinedError (so `describeError` shows their codes).
 */
export function uploadOperation<Data, Variables extends Record<string, unknown>>(options: {
  token: string;
  document: TypedDocumentNode<Data, Variables>;
  variables: Variables;
  filePath: string;
  file: File;
  onProgress?: (percent: number) => void;
}): Promise<Data> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({ query: stringifyDocument(options.document), variables: options.variables }),
  );
  form.set('map', JSON.stringify({ 0: [options.filePath] }));
  form.set('0', options.file, options.file.name);
  return new Promise<Data>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.setRequestHeader('apollo-require-preflight', 'true');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new CombinedError({ networkError: new Error('network error') }));
    xhr.onload = () => {
      let body: { data?: Data | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        reject(
          new CombinedError({
            networkError: new Error(`HTTP ${xhr.status}: ${xhr.responseText.slice(0, 200)}`),
          }),
        );
        return;
      }
      if (body.errors?.length) reject(new CombinedError({ graphQLErrors: body.errors }));
      else if (body.data) resolve(body.data);
      else reject(new CombinedError({ networkError: new Error(`HTTP ${xhr.status}`) }));
    };
    xhr.send(form);
  });
}

/** A voucher file fetched with the bearer token (the gateway serves it to signed-in callers only). */
async function fetchVoucher(url: string, token: string): Promise<Blob> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.blob();
}

export interface VoucherInfo {
  url: string;
  contentType: string;
  fileName: string;
}

/**
 * A settled record's voucher: an image as a thumbnail with a full-size preview, a PDF as a
 * link that opens it (both fetched with the bearer token, shown through an object URL).
 */
export function VoucherView({ voucher, testId }: { voucher: VoucherInfo; testId: string }) {
  const { token } = useSession();
  const { tr } = useI18n();
  const isImage = voucher.contentType.startsWith('image/');
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!isImage) return undefined;
    let objectUrl: string | null = null;
    let cancelled = false;
    fetchVoucher(voucher.url, token)
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [isImage, voucher.url, token]);

  if (!isImage)
    return (
      <Button
        type="link"
        size="small"
        icon={<FilePdfOutlined />}
        data-testid={testId}
        onClick={() => {
          // Opened before the fetch so the browser does not treat it as an unrequested pop-up.
          const tab = window.open('', '_blank');
          fetchVoucher(voucher.url, token)
            .then((blob) => {
              const objectUrl = URL.createObjectURL(blob);
              if (tab) tab.location.href = objectUrl;
              else window.location.assign(objectUrl);
              setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
            })
            .catch(() => {
              tab?.close();
              setFailed(true);
            });
        }}
      >
        {failed ? tr('凭证无法打开', 'Voucher unavailable') : voucher.fileName}
      </Button>
    );
  if (failed)
    return <Typography.Text type="danger">{tr('凭证无法加载', 'Voucher unavailable')}</Typography.Text>;
  if (!src) return <Spin size="small" />;
  return (
    <span data-testid={testId}>
      <Image src={src} alt={voucher.fileName} width={48} height={48} style={{ objectFit: 'cover' }} />
    </span>
  );
}
