# وہ انکار جو API اور صفحات میں مشترک ہیں: وہ وجوہات جن کی بنا پر سروس مانگا گیا کام نہیں کرتی۔
# API انگریزی متن بھیجتا ہے؛ صفحہ وہی انکار اپنے پڑھنے والے کی زبان میں دکھاتا ہے۔ ہر پیغام
# API کی طرح ختمہ کے نشان کے بغیر لکھا جاتا ہے؛ صفحہ اسے جملہ بناتا ہے۔

refused-unauthenticated = اس کے لیے سائن اِن ہونا یا شریک کی درست کلید ہونا ضروری ہے
refused-not-open = مکالمہ ابھی نہیں کھلا: یہ { $opens } ({ $moment }) کو کھلے گا
refused-no-dialogue = ایسا کوئی مکالمہ نہیں ہے
refused-no-statement = اس مکالمے میں ایسا کوئی بیان نہیں ہے
refused-no-partnership = ایسی کوئی شراکت نہیں ہے
refused-constituency-not-in-dialogue = بتائے گئے حلقوں میں سے ایک اس مکالمے کا حلقہ نہیں ہے
refused-not-found = { $entity }: موجود نہیں
refused-in-another-dialogue = { $entity }: کسی اور مکالمے کا حصہ ہے
refused-duplicate = { $entity }: انہی معلومات والا اندراج پہلے سے موجود ہے ({ $field })
refused-duplicate-statement = مکالمے میں یہ بیان پہلے سے موجود ہے (بیان { $statement })
refused-rate-limited = تھوڑے وقت میں بہت زیادہ کوششیں ہوئیں؛ { $seconds ->
        [one] ایک سیکنڈ
       *[other] { $seconds } سیکنڈ
    } بعد دوبارہ کوشش کریں
refused-idempotency-key-reused = یہی فارم پہلے ہی ایک مختلف ووٹ کے ساتھ بھیجا جا چکا ہے
refused-dialogue-closed = مکالمہ بند ہے
refused-statements-disabled = مکالمہ شرکاء سے بیانات قبول نہیں کر رہا
refused-statement-rejected = بیان جانچ میں رد کر دیا گیا
refused-statement-pending = بیان ابھی جانچ کے انتظار میں ہے
refused-statement-untranslated = بیان ابھی مکالمے کی زبان میں ترجمے کے انتظار میں ہے
refused-partner-archived = شراکت دار کو آرکائیو کر دیا گیا ہے
refused-invitation-used = دعوت پہلے ہی استعمال ہو چکی ہے
refused-invitation-revoked = دعوت منسوخ کر دی گئی ہے
refused-invitation-expired = دعوت کی میعاد ختم ہو چکی ہے
refused-stale-version = اب ہدف کا موجودہ ورژن { $version } ہے
refused-objective-closed = ہدف اپنی موجودہ حالت میں اس تبدیلی کی اجازت نہیں دیتا
refused-decision-basis-changed = ہدف کی منظوری کے دوران کچھ بدل گیا: کسی شراکت دار کا مؤقف، ہدف کا ورژن، فیصلے کا اصول یا شراکت دار؛ ہدف کو دوبارہ دیکھیں
refused-objective-not-adopted = اقدامات صرف منظور شدہ ہدف کے تحت شامل کیے جا سکتے ہیں
refused-constituency-not-in-list = بتائے گئے حلقوں میں سے ایک ترجیحات کی اس فہرست کا حلقہ نہیں ہے
refused-not-in-list = { $entity }: ترجیحات کی اس فہرست کا حصہ نہیں ہے
refused-in-another-partnership = { $entity }: کسی اور شراکت کا حصہ ہے
refused-list-closed = ترجیحات کی فہرست بند ہے
refused-options-disabled = ترجیحات کی فہرست شرکاء سے اختیارات نہیں لیتی
refused-duplicate-option = ترجیحات کی فہرست میں یہ اختیار پہلے سے موجود ہے (اختیار { $option })
refused-option-rejected = اختیار جانچ میں رد کر دیا گیا
refused-option-pending = اختیار ابھی جانچ کے انتظار میں ہے
refused-pair-compared = اس شریک کی طرف سے ان دو اختیارات کا موازنہ پہلے ہی ہو چکا ہے
refused-wave-closed = اعتماد کے سروے کا یہ دور بند ہے
refused-map-closed = نظام کا نقشہ بند ہے
refused-in-another-map = { $entity }: نظام کے کسی اور نقشے کا حصہ ہے
refused-trust-response-incomplete = بھیجے گئے جواب میں ہر دوسرے شراکت دار کے لیے ایک سطح ہونی چاہیے؛ ان شراکت داروں کے لیے کوئی سطح نہیں: { $partners }

# ریکارڈ کی ان قسموں کے نام جن کا اوپر کے انکار ذکر کرتے ہیں۔
refused-entity-partnership = شراکت
refused-entity-partner = شراکت دار
refused-entity-convenor = منتظم
refused-entity-session = سیشن
refused-entity-dialogue = مکالمہ
refused-entity-constituency = حلقہ
refused-entity-statement = بیان
refused-entity-participant = شریک
refused-entity-invitation = دعوت
refused-entity-representative = شراکت دار کا نمائندہ
refused-entity-objective = ہدف
refused-entity-action = اقدام
refused-entity-priority-list = ترجیحات کی فہرست
refused-entity-option = اختیار
refused-entity-trust-wave = اعتماد کے سروے کا دور
refused-entity-system-map = نظام کا نقشہ
refused-entity-factor = عامل
refused-entity-link = ربط
refused-entity-flag = نشاندہی
refused-entity-round = مرحلہ

# وہ معلومات جو ہر اندراج میں الگ ہونی چاہییں۔
refused-field-name = نام
refused-field-email = ای میل پتا
refused-field-external-id = بیرونی شناختی نمبر
refused-field-participant-code = شریک کا کوڈ
refused-field-dialogue-participant = مکالمے کا شریک
refused-field-pair-of-factors = عوامل کا جوڑا
refused-field-statement-and-participant = بیان اور شریک

# وہ متن جسے ان اصولوں نے رد کیا جن پر ہر متن چلتا ہے؛ ‎$field‎ نیچے دیے گئے ناموں میں سے ایک ہے۔
refused-text-empty = { $field }: خالی ہے
refused-text-too-long = { $field }: اس میں { $max } سے زیادہ حروف ہیں
refused-text-control = { $field }: اس میں ایک چھپا ہوا کنٹرول حرف ہے
refused-text-direction = { $field }: اس میں سمت کا ایک پوشیدہ نشان { $code } ہے جو متن کو چھپا سکتا ہے؛ اسے ہٹا دیں
refused-text-invisible = { $field }: اس میں کوئی ایسا حرف نہیں جو دکھائی دے، صرف خالی جگہیں، پوشیدہ فارمیٹنگ یا بغیر حرف کے اعراب ہیں
refused-text-statement = بیان کا متن
refused-text-dialogue-title = مکالمے کا عنوان
refused-text-dialogue-question = مکالمے کا سوال
refused-text-description = تفصیل
refused-text-partnership-name = شراکت کا نام
refused-text-purpose = شراکت کا مقصد
refused-text-partner-name = شراکت دار کا نام
refused-text-constituency-name = حلقے کا نام
refused-text-objective-title = ہدف کا عنوان
refused-text-objective-text = ہدف کا متن
refused-text-reason = وجہ
refused-text-amendment = ترمیم
refused-text-action-title = اقدام کا عنوان
refused-text-lead-role = قیادت کا کردار
refused-text-progress-note = پیش رفت کا نوٹ
refused-text-priority-list-title = ترجیحات کی فہرست کا عنوان
refused-text-priority-question = ترجیحات کا سوال
refused-text-option = اختیار کا متن
refused-text-wave-title = دور کا عنوان
refused-text-idempotency-key = فارم کی کلید

# A refusal the catalogues cannot word, as the service words it.
refused-as-written = { $message }
