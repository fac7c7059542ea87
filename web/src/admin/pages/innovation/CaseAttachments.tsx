/** A case's files; the unit may upload and delete them while it may still edit the case. */
import { useTranslation } from 'react-i18next';
import { INNOVATION_ATTACHMENT_ACCEPT, INNOVATION_LIMITS, innovationAttachmentPath } from '@xj/contracts/domain';
import type { InnovationCaseDetailDto } from '@xj/contracts';
import { AttachmentsEditor } from '../../components/AttachmentsEditor';

export function CaseAttachments({ detail, onChanged }: { detail: InnovationCaseDetailDto; onChanged: (d: InnovationCaseDetailDto) => void }) {
  const { t } = useTranslation();
  return (
    <AttachmentsEditor<InnovationCaseDetailDto>
      attachments={detail.attachments}
      base={`/api/innovation/${detail.id}/attachments`}
      href={innovationAttachmentPath}
      editable={detail.canEdit}
      max={INNOVATION_LIMITS.attachmentsMax}
      maxBytes={INNOVATION_LIMITS.attachmentBytes}
      accept={INNOVATION_ATTACHMENT_ACCEPT}
      strings="innovation.attachments"
      listLabel={t('innovation.attachments.list')}
      empty={t('innovation.case.noAttachments')}
      onChanged={onChanged}
    />
  );
}
