// Shows a generated PDF inside the page (a Blob URL in an iframe, allowed by the CSP's frame-src
// blob:) with download and open buttons. The bytes come from documents.pdf, never from a URL.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Spin } from 'antd';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { call, errorText } from '../api/client';

interface Loaded {
  url: string;
  fileName: string;
  size: number;
}

export function PdfViewer({ documentId, title }: { documentId: number; title: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    call('documents.pdf', { documentId })
      .then(({ fileName, data }) => {
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
        setLoaded({ url, fileName, size: data.length });
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [documentId]);

  return (
    <Card
      size="small"
      title={title}
      extra={
        loaded && (
          <Flex gap={8}>
            <Button size="small" icon={<DownloadOutlined />} href={loaded.url} download={loaded.fileName}>
              下载
            </Button>
            {/* The Electron shell denies every new window by design; there the built-in PDF
                viewer in the frame already prints and saves, so 打开 is offered only in a browser. */}
            {window.api?.runtime !== 'electron' && (
              <Button size="small" icon={<ExportOutlined />} onClick={() => window.open(loaded.url, '_blank')}>
                打开
              </Button>
            )}
          </Flex>
        )
      }
    >
      {error && <Alert type="error" showIcon title="无法显示文书" description={error} />}
      {!error && !loaded && <Spin description="正在载入 PDF…"><div style={{ height: 120 }} /></Spin>}
      {loaded && <iframe className="pdf-frame" src={loaded.url} title={title} data-testid="pdf-frame" data-size={loaded.size} />}
    </Card>
  );
}
