import { defineMessages } from '../../platform/i18n/locales.js';

export const adminMessages = defineMessages({
  'admin.title': { ky: 'Башкаруу', ru: 'Администрирование', en: 'Administration' },
  'admin.users': { ky: 'Колдонуучулар', ru: 'Пользователи', en: 'Users' },
  'admin.user_new': { ky: 'Жаңы колдонуучу', ru: 'Новый пользователь', en: 'New user' },
  'admin.user_new_intro': {
    ky: 'Колдонуучу сырсөзүн өзү тандашы үчүн электрондук почтасына шилтеме алат.',
    ru: 'Пользователь получит по электронной почте ссылку, чтобы выбрать пароль.',
    en: 'The user receives an e-mail with a link to choose a password.',
  },
  'admin.user_create': { ky: 'Түзүү жана чакыруу жөнөтүү', ru: 'Создать и отправить приглашение', en: 'Create and send invitation' },
  'admin.user_created': { ky: '{email} үчүн каттоо эсеби түзүлдү, чакыруу жөнөтүлдү.', ru: 'Учётная запись для {email} создана, приглашение отправлено.', en: 'Account for {email} created; invitation sent.' },
  'admin.invite_subject': { ky: 'Ачык: каттоо эсебиңиз түзүлдү', ru: 'Ачык: для вас создана учётная запись', en: 'Achyk: an account has been created for you' },
  'admin.invite_body': {
    ky: 'Саламатсызбы, {name}!\n\nАчыкта сиз үчүн каттоо эсеби түзүлдү. Сырсөз тандоо үчүн бул шилтемени ачыңыз (1 саат жарактуу):\n{link}\n\nМөөнөтү өтсө, кирүү бетиндеги «Сырсөздү унуттуңузбу?» шилтемесин колдонуңуз.',
    ru: 'Здравствуйте, {name}!\n\nДля вас создана учётная запись в Ачык. Чтобы выбрать пароль, откройте ссылку (действует 1 час):\n{link}\n\nЕсли срок истёк, воспользуйтесь ссылкой «Забыли пароль?» на странице входа.',
    en: 'Hello {name},\n\nAn Achyk account has been created for you. To choose a password, open this link (valid for 1 hour):\n{link}\n\nIf it has expired, use "Forgot your password?" on the sign-in page.',
  },
  'admin.status': { ky: 'Абалы', ru: 'Статус', en: 'Status' },
  'admin.two_step': { ky: 'Эки кадамдуу текшерүү', ru: 'Двухэтапная проверка', en: 'Two-step verification' },
  'admin.change_role': { ky: 'Ролду өзгөртүү', ru: 'Изменить роль', en: 'Change role' },
  'admin.disable': { ky: 'Өчүрүү', ru: 'Отключить', en: 'Disable' },
  'admin.enable': { ky: 'Күйгүзүү', ru: 'Включить', en: 'Enable' },
  'admin.not_self': { ky: 'Өзүңүздүн ролуңузду же абалыңызды өзгөртө албайсыз.', ru: 'Нельзя менять собственную роль или статус.', en: 'You cannot change your own role or status.' },
  'admin.audit': { ky: 'Аудит журналы', ru: 'Журнал аудита', en: 'Audit log' },
  'admin.audit_ok': { ky: 'Чынжыр бүтүн: {count} жазуу текшерилди.', ru: 'Цепочка цела: проверено записей: {count}.', en: 'The chain is intact: {count} entries checked.' },
  'admin.audit_bad': { ky: 'Чынжыр бузулган: {problem}', ru: 'Цепочка нарушена: {problem}', en: 'The chain is broken: {problem}' },
  'admin.audit_when': { ky: 'Убакыт', ru: 'Время', en: 'Time' },
  'admin.audit_actor': { ky: 'Ким', ru: 'Кто', en: 'Actor' },
  'admin.audit_action': { ky: 'Аракет', ru: 'Действие', en: 'Action' },
  'admin.audit_object': { ky: 'Объект', ru: 'Объект', en: 'Object' },
});
