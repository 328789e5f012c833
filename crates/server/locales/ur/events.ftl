# براہِ راست تقریب کا کمرہ: بڑی اسکرین پر پیشکش کا منظر، کنٹرولز کے ساتھ سہولت کار کا منظر،
# بند کرنے سے پہلے تصدیق، QR پوسٹر، اور اس لنک کے بارے میں انتباہ جس تک کمرے میں موجود لوگ
# نہیں پہنچ سکتے۔ جن پیغامات کی کلید -html پر ختم ہوتی ہے ان میں مارک اپ ہو سکتا ہے۔

## عنوانات اور مناظر کے درمیان لنک

event-present-title = پیشکش · { $title }
event-facilitate-title = سہولت کاری · { $title }
event-close-title = بند کریں · { $title }
event-poster-title = پوسٹر · { $title }
event-convenor-page-link = { $title }: منتظم کا صفحہ
event-facilitator-view-link = { $title }: سہولت کار کا منظر
event-nav-present = پیشکش کا منظر
event-nav-facilitate = کنٹرولز کے ساتھ سہولت کار کا منظر
event-nav-poster = QR پوسٹر
event-qr-alt = QR کوڈ جو شرکاء کا لنک { $link } کھولتا ہے

## پیشکش کا منظر

event-join-heading = اپنے فون پر حصہ لیں
event-join-closed-heading = یہ مکالمہ بند ہو چکا ہے
event-join-closed = اب اس میں مزید ووٹ یا بیانات نہیں لیے جاتے۔ حصہ لینے والے سب لوگوں کا شکریہ۔
event-join-link-html = یا <a href="/d/{ $id }">{ $link }</a> کھولیں
event-figures-heading = اب تک
event-figure-participants = شرکاء
event-figure-votes = ووٹ
event-figure-common-ground = مشترکہ بنیاد
event-voters = شرکاء میں سے { $count } ووٹ دے چکے ہیں۔
event-statements-state = بیانات: { $state ->
        [closed] بند
        [open] شرکاء اپنے بیانات لکھ سکتے ہیں
       *[paused] نئے بیانات روک دیے گئے ہیں
    }۔
event-who-heading = کون حصہ لے رہا ہے
event-who-explained = ہر بار حصہ لینے والے سب لوگوں میں حلقے کا حصہ دکھاتا ہے؛ سرخ نشان وہ حصہ ہے جس کی منتظمین کو توقع تھی۔
event-people = { $count ->
        [one] { $count } فرد
       *[other] { $count } افراد
    }
event-expected = متوقع { $share }
event-fewer-than-expected = توقع سے کم
event-unaffiliated = { $count ->
        [one] { $count } فرد نے کوئی حلقہ نہیں چنا۔
       *[other] { $count } افراد نے کوئی حلقہ نہیں چنا۔
    }
event-ground-heading = تازہ ترین مشترکہ بنیاد
event-ground-waiting = جب لوگ ووٹ دے دیں گے اور پہلے نتائج آ جائیں گے تو مشترکہ بنیاد یہاں نظر آئے گی۔
event-ground-count = { $count ->
        [0] ابھی کوئی بیان مشترکہ بنیاد نہیں ہے۔
        [one] { $count } بیان مشترکہ بنیاد ہے۔
       *[other] { $count } بیانات مشترکہ بنیاد ہیں۔
    }
event-ground-these = ان بیانات کو رائے کے ہر گروپ اور ہر حلقے میں واضح اکثریت حاصل ہے:
event-ground-explained = کوئی بیان اس وقت مشترکہ بنیاد بنتا ہے جب رائے کے ہر گروپ اور ہر حلقے میں واضح اکثریت اس سے متفق ہو۔
event-refresh-explained = اعداد و شمار ہر چند سیکنڈ میں خود بخود تازہ ہو جاتے ہیں۔
event-refresh-link = تازہ ترین اعداد و شمار دکھائیں
event-full-report = مکمل رپورٹ
event-live-updated = نتائج نئے ووٹوں کے ساتھ تازہ کر دیے گئے ہیں۔

## سہولت کار کے کنٹرولز

event-controls-heading = کنٹرولز
event-controls-closed-html = مکالمہ بند ہے۔ آپ اسے <a href="/convenor/dialogues/{ $id }">منتظم کے صفحے</a> سے دوبارہ کھول سکتے ہیں۔
event-controls-open = شرکاء بیانات لکھ سکتے ہیں۔ روکنے سے ووٹنگ جاری رہتی ہے جبکہ نئے بیانات نہیں آتے۔
event-pause = نئے بیانات روکیں
event-controls-paused = نئے بیانات روک دیے گئے ہیں؛ شرکاء اب بھی ووٹ دے سکتے ہیں۔
event-resume = نئے بیانات دوبارہ شروع کریں
event-close-link = مکالمہ بند کریں…
event-notice-paused = نئے بیانات روک دیے گئے ہیں۔ شرکاء اب بھی ووٹ دے سکتے ہیں؛ جو کوئی لکھنے کی کوشش کرے گا اسے بتایا جائے گا کہ بیانات روکے گئے ہیں۔
event-notice-resumed = شرکاء دوبارہ بیانات لکھ سکتے ہیں۔
event-notice-closed = مکالمہ بند ہو گیا ہے: اب اس میں مزید شرکاء، ووٹ یا بیانات نہیں لیے جاتے۔ رپورٹ دستیاب رہتی ہے۔
event-error-statements-choice = منتخب کریں کہ نئے بیانات روکنے ہیں یا دوبارہ شروع کرنے ہیں: فارم نے دونوں میں سے کچھ نہیں بھیجا۔

## مکالمہ بند کرنا

event-close-heading = مکالمہ بند کریں؟
event-close-already-html = یہ مکالمہ پہلے ہی بند ہے۔ آپ اسے <a href="/convenor/dialogues/{ $id }">منتظم کے صفحے</a> سے دوبارہ کھول سکتے ہیں۔
event-close-explained = بند کرنے سے نئے شرکاء، ووٹ اور بیانات سب کے لیے فوراً رک جاتے ہیں۔ رپورٹ دستیاب رہتی ہے، اور آپ بعد میں منتظم کے صفحے سے مکالمہ دوبارہ کھول سکتے ہیں۔
event-close-yes = ہاں، مکالمہ بند کریں
event-close-no = نہیں، اسے کھلا رکھیں
event-close-unconfirmed = مکالمہ ابھی کھلا ہے۔ اسے بند کرنے کے لیے “ہاں، مکالمہ بند کریں” چنیں۔

## QR پوسٹر

event-poster-print-hint = یہ صفحہ A4 کاغذ پر پرنٹ کریں اور ایسی جگہ لگائیں جہاں لوگ اسے دیکھ سکیں۔
event-poster-print = پوسٹر پرنٹ کریں
event-poster-eyebrow = اپنی رائے دیں
event-poster-step-scan = اپنے فون کا کیمرا کوڈ کی طرف کریں، یا اوپر دیا گیا پتا ٹائپ کریں۔
event-poster-step-vote = دوسرے لوگوں کے مختصر بیانات پڑھیں اور جواب دیں: متفق، غیر متفق یا چھوڑیں۔
event-poster-step-write = اگر کچھ رہ گیا ہو تو اپنا بیان شامل کریں۔
event-poster-small = اس میں چند منٹ لگتے ہیں۔ آپ کو اپنا نام یا ای میل پتا دینے کی ضرورت نہیں۔

## اس کمپیوٹر کی طرف اشارہ کرنے والے لنک کے بارے میں انتباہ

event-local-link-html = <strong>کمرے میں موجود لوگ یہ لنک نہیں کھول سکتے۔</strong> { $link } اسی کمپیوٹر کی طرف اشارہ کرتا ہے، اس لیے فون اور دوسرے کمپیوٹر اس تک نہیں پہنچ سکتے، اور نہ ہی QR کوڈ۔
event-local-link-fix-html = سرور کو اس پتے کے ساتھ شروع کریں جس پر لوگ اس تک پہنچتے ہیں، مثال کے طور پر <code>commonground serve --public-url https://dialogue.example.org</code>، یا اس کے ماحول میں <code>COMMONGROUND_PUBLIC_URL</code> یا اس کی کنفیگریشن فائل میں <code>public_url</code> مقرر کریں، پھر یہ صفحہ دوبارہ لوڈ کریں۔
