/** A plan option's files; whoever runs the topic at 提方案 or 议事项 may upload and delete them. */
import { useTranslation } from 'react-i18next';
import { OPTION_ATTACHMENT_ACCEPT, OPTION_ATTACHMENT_LIMITS, optionAttachmentPath } from '@xj/contracts/domain';
import type { TopicDetailDto, TopicOptionDto } from '@xj/contracts';
import { AttachmentsEditor } from '../../components/AttachmentsEditor';

interface Props {
  topicId: number;
  option: TopicOptionDto;
  /** Upload and delete (the topic is run by the user and at 提方案 or 议事项). */
  editable: boolean;
  onChanged: (topic: TopicDetailDto) => void;
}

export function OptionAttachments({ topicId, option, editable, onChanged }: Props) {
  const { t } = useTranslation();
  return (
    <AttachmentsEditor<TopicDetailDto>
      attachments={option.attachments}
      base={`/api/consultations/topics/${topicId}/options/${option.id}/attachments`}
      href={(id) => optionAttachmentPath(id, 'console')}
      editable={editable}
      max={OPTION_ATTACHMENT_LIMITS.perOption}
      maxBytes={OPTION_ATTACHMENT_LIMITS.bytes}
      accept={OPTION_ATTACHMENT_ACCEPT}
      strings="consult.attachments"
      listLabel={t('consult.attachments.listOf', { title: option.title })}
      uploadLabel={t('consult.attachments.uploadFor', { title: option.title })}
      hintClassName="consult-step-meta"
      onChanged={onChanged}
    />
  );
}
