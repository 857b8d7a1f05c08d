'use client';

import type { PatientDocument } from '@healthcare/core/documents/document-schemas';
import { useTranslations } from 'next-intl';
import { Button } from '../components/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTitle } from '../components/dialog';

/** A PDF or image shown in a dialog over the record, with its download link. */
export function DocumentPreview({
  document,
  onClose,
}: {
  document: PatientDocument | undefined;
  onClose: () => void;
}) {
  const t = useTranslations('documents');
  const contentUrl = document ? `/api/v1/documents/${document.id}/content` : '';
  return (
    <Dialog open={document !== undefined} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent wide aria-describedby={undefined}>
        {document ? (
          <>
            <DialogTitle className="break-all">{document.fileName}</DialogTitle>
            {document.mimeType.startsWith('image/') ? (
              <img
                src={`${contentUrl}?disposition=inline`}
                alt={document.fileName}
                className="mx-auto max-h-[70vh] max-w-full rounded-md border border-border"
              />
            ) : (
              <iframe
                src={`${contentUrl}?disposition=inline`}
                title={document.fileName}
                className="h-[70vh] w-full rounded-md border border-border"
              />
            )}
            <DialogFooter>
              <Button variant="secondary" asChild>
                <a href={contentUrl}>{t('download')}</a>
              </Button>
              <DialogClose asChild>
                <Button variant="primary">{t('closePreview')}</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
