# سہولت کاری کا کمرہ: منتظم کا صفحہ جو سہولت کاروں کو مدعو کرتا ہے، پرنٹ کرنے کے لیے کاغذی
# کارڈوں کی شیٹ، اور وہ اسکرین جس پر سہولت کار کارڈ درج کرتا ہے۔ جن پیغامات کی کلید -html پر
# ختم ہوتی ہے ان میں مارک اپ ہو سکتا ہے۔

## کارڈ کیا پوچھتا ہے، شیٹ پر اور اندراج کی اسکرین پر

facilitation-agree = متفق
facilitation-disagree = غیر متفق
facilitation-pass = چھوڑیں
facilitation-statement-label = بیان
facilitation-code-label = شریک کا کوڈ

## اندراج کی اسکرین

facilitation-entry-title = کارڈ درج کریں · { $title }
facilitation-entry-heading = کارڈ درج کریں
facilitation-entry-lead-html = کارڈ پر چھپا ہوا شریک کا کوڈ ٹائپ کریں، وہی خانے نشان زد کریں جو کارڈ پر نشان زد ہیں، اور محفوظ کریں۔ ہر کارڈ ایک شریک کے طور پر گنا جاتا ہے، بالکل اسی طرح جیسے کوئی آن لائن حصہ لے رہا ہو۔ <a href="/facilitator/dialogues/{ $id }/sheet">خالی کارڈوں کی ایک شیٹ پرنٹ کریں</a>۔
facilitation-saved = کارڈ { $code } محفوظ ہو گیا: { $count } ووٹ، ایک نیا شریک۔
facilitation-replaced = کارڈ { $code } نے اسی کوڈ کے ساتھ پہلے درج کیے گئے کارڈ کی جگہ لے لی: { $count } ووٹ۔
facilitation-next-blank = اگلا کارڈ خالی ہے۔
facilitation-statement-sent = کارڈ { $code } کا بیان مکالمے کو بھیج دیا گیا، اور ہر شریک کے بیان کی طرح اس کی بھی جانچ ہو گی۔
facilitation-entry-closed = یہ مکالمہ بند ہے: اب اس میں مزید کارڈ نہیں لیے جاتے۔
facilitation-channel-legend = جوابات آپ تک کیسے پہنچے
facilitation-channel-paper = کاغذی کارڈ
facilitation-channel-facilitated = ذاتی طور پر یا فون پر، میرے ساتھ
facilitation-constituencies-legend = حلقوں کے نشان زد خانے
facilitation-blank-hint = کارڈ پر خالی چھوڑا گیا بیان خالی ہی رہتا ہے: اس کی قطار خالی چھوڑ دیں۔
facilitation-no-statements = مکالمے میں ابھی ووٹ دینے کے لیے کوئی بیان نہیں ہے۔
facilitation-replace = پہلے والے کارڈ کی جگہ یہ کارڈ رکھیں
facilitation-discard = یہ کارڈ رد کریں
facilitation-save = کارڈ محفوظ کریں اور اگلا درج کریں
facilitation-statement-heading = کارڈ پر لکھا ہوا بیان
facilitation-statement-explained = پہلے کارڈ درج کریں، پھر اس کا بیان یہاں اسی کوڈ کے تحت درج کریں۔ یہ کسی بھی شریک کے بیان کی طرح اس مکالمے کی جانچ سے گزرتا ہے۔
facilitation-statement-send = بیان بھیجیں

## کارڈ یا بیان کیوں رد کیا گیا

facilitation-error-channel = منتخب کریں کہ یہ کاغذی کارڈ ہے یا کسی سہولت کار کے ساتھ پُر کیا گیا تھا۔
facilitation-error-keyed-already = اس شریک کے کوڈ والا کارڈ پہلے ہی درج ہو چکا ہے۔ اگر یہ کارڈ اس کی تصحیح کرتا ہے تو پہلے والے کارڈ کی جگہ اسے رکھیں؛ اگر یہ کسی اور کا کارڈ ہے تو کوڈ چیک کریں۔
facilitation-error-code-empty = کارڈ پر چھپا ہوا شریک کا کوڈ ٹائپ کریں۔
facilitation-error-code-invalid = شریک کا کوڈ 1 سے { $max } تک حروف، ہندسوں یا ہائفن پر مشتمل ہوتا ہے۔
facilitation-error-constituency = "{ $name }" اس مکالمے کا حلقہ نہیں ہے۔
facilitation-error-statement-not-found = کارڈ پر موجود ایک بیان اس مکالمے کا نہیں ہے۔
facilitation-error-closed = مکالمہ بند ہے۔
facilitation-error-not-open = مکالمہ ابھی نہیں کھلا: یہ { $opens } ({ $stamp }) کو کھلے گا۔
facilitation-error-no-card = اس شریک کے کوڈ والا کوئی کارڈ ابھی درج نہیں ہوا؛ پہلے کارڈ درج کریں۔
facilitation-error-duplicate = مکالمے میں یہ بیان پہلے سے موجود ہے (بیان { $id })۔
facilitation-error-statements-paused = مکالمہ شرکاء سے بیانات قبول نہیں کر رہا۔

## کارڈوں کی شیٹ

facilitation-sheet-title = کارڈ · { $title }
facilitation-sheet-back = { $title }: کارڈ درج کریں
facilitation-sheet-heading = پرنٹ کرنے کے لیے کارڈ
facilitation-sheet-explained-html = یہ صفحہ پرنٹ کریں: ہر کارڈ ایک فرد کے لیے ہے اور اس کا اپنا کوڈ ہے۔ لوگ ہر بیان کے لیے ایک خانہ اور وہ حلقے نشان زد کرتے ہیں جن سے وہ تعلق رکھتے ہیں؛ خالی قطاریں خالی رہتی ہیں۔ بعد میں کارڈ <a href="/facilitator/dialogues/{ $id }/cards">اندراج کی اسکرین</a> پر درج کریں۔
facilitation-sheet-number = کارڈوں کی تعداد
facilitation-sheet-make = شیٹ بنائیں
facilitation-card-label = کارڈ { $code }
facilitation-card-code-html = کوڈ <strong>{ $code }</strong>
facilitation-card-caption = کارڈ { $code } پر بیانات
facilitation-box-agree = نشان لگانے کا خانہ: متفق
facilitation-box-disagree = نشان لگانے کا خانہ: غیر متفق
facilitation-box-pass = نشان لگانے کا خانہ: چھوڑیں
facilitation-box = نشان لگانے کا خانہ
facilitation-card-i-am = میں ہوں:
facilitation-card-write = کچھ رہ گیا ہے؟ پچھلی طرف اپنا بیان لکھیں۔
facilitation-error-cards-number = 1 سے { $max } تک کارڈوں کی تعداد مانگیں۔
facilitation-error-sheet-size = ایک شیٹ میں 1 سے { $max } تک کارڈ ہوتے ہیں۔

## مکالمے کے سہولت کار، اس کے منتظمین کے لیے

facilitation-facilitators-title = سہولت کار · { $title }
facilitation-convenor-page-link = { $title }: منتظم کا صفحہ
facilitation-facilitators-heading = سہولت کار
facilitation-facilitators-lead = سہولت کار اس مکالمے کے لیے کاغذی کارڈ، اور کسی تقریب میں یا فون پر لوگوں کے جوابات درج کرتے ہیں۔ وہ اس کے سوا کچھ نہیں کر سکتے: وہ انتظام نہیں کرتے، اور کوئی دوسرا مکالمہ نہیں دیکھتے۔
facilitation-key-yourself = خود کارڈ درج کریں
facilitation-print-sheet = کارڈوں کی ایک شیٹ پرنٹ کریں
facilitation-link-once = یہ ایک بار استعمال ہونے والا لنک سہولت کار کو بھیجیں۔ یہ صرف ابھی دکھایا جا رہا ہے۔
facilitation-link-label = دعوت کا لنک
facilitation-invite-heading = سہولت کار کو مدعو کریں
facilitation-email-label = ان کا ای میل پتا
facilitation-email-optional = (اختیاری: صرف یہی پتا قبول کر سکتا ہے)
facilitation-invite-button = دعوت کا لنک بنائیں
facilitation-who-heading = کون سہولت کاری کرتا ہے
facilitation-nobody-yet = ابھی کسی نے دعوت قبول نہیں کی۔
facilitation-invitations-heading = دعوتیں
facilitation-anyone-with-link = لنک رکھنے والا کوئی بھی
facilitation-invitation-dates = { $created } کو بنائی گئی، { $expires } کو ختم ہو گی۔
facilitation-status-pending = زیر التوا
facilitation-status-accepted = قبول شدہ
facilitation-status-revoked = منسوخ شدہ
facilitation-status-expired = میعاد ختم
facilitation-error-email-too-long = ای میل پتا 254 حروف سے لمبا ہے۔
facilitation-error-email-malformed = ای میل پتا name@domain کی شکل میں نہیں ہے۔

## سہولت کاری کی سروس کے انکار، اور شریک کے اپنے گروپوں اور بیانات کے انتخاب کے انکار (وہی انکار،
## چاہے وہ خود عمل کرے یا کوئی سہولت کار اس کا کارڈ درج کرے)۔ JSON API انگریزی بھیجتا ہے؛ صفحہ
## وہی انکار اپنی زبان میں کہتا ہے۔ ہر ایک چھوٹے حرف سے اور بغیر فل اسٹاپ کے شروع ہوتا ہے؛
## $name حلقے کا نام ہے جیسا دیا گیا، واوین میں۔

facilitation-refused-no-invitation = اس مکالمے کے لیے ایسا کوئی دعوت نامہ نہیں ہے
facilitation-refused-sheet-size = ایک شیٹ میں 1 سے { $max } تک کارڈ ہوتے ہیں
facilitation-refused-code-empty = کارڈ پر چھپا ہوا شریک کا کوڈ ٹائپ کریں
facilitation-refused-code-invalid = شریک کا کوڈ 1 سے { $max } تک حروف، ہندسوں یا ہائفن پر مشتمل ہوتا ہے
facilitation-refused-online = کارڈ `paper` یا `facilitated` کے طور پر درج کیا جاتا ہے؛ آن لائن ووٹ خود شرکاء کی طرف سے آتے ہیں
facilitation-refused-two-boxes = بیان { $statement } پر ایک سے زیادہ خانوں پر نشان لگا ہے؛ متفق، غیر متفق یا چھوڑیں میں سے ایک پر نشان لگائیں
facilitation-refused-keyed-already = اس شریک کے کوڈ والا کارڈ پہلے ہی درج ہو چکا ہے؛ کارڈ چیک کریں، اور اگر یہ کارڈ پہلے والے کی تصحیح کرتا ہے تو اس کی جگہ اسے رکھیں
facilitation-refused-statement-not-on-card = کارڈ پر موجود ایک بیان اس مکالمے کا نہیں ہے
facilitation-refused-no-card = اس شریک کے کوڈ والا کوئی کارڈ ابھی درج نہیں ہوا؛ پہلے کارڈ درج کریں
facilitation-refused-not-a-constituency = { $name } اس مکالمے کا حلقہ نہیں ہے
facilitation-refused-groups-closed = یہ مکالمہ بند ہے، اس لیے جن گروپوں سے آپ تعلق رکھتے ہیں وہ اب بدل نہیں سکتے
facilitation-refused-statement-limit = ایک شریک کسی مکالمے میں زیادہ سے زیادہ { $allowed } بیانات لکھ سکتا ہے؛ اس کے بجائے دوسروں کے بیانات پر ووٹ دیں
