# مکالمے کی رپورٹ: نتائج کا صفحہ، کسی بیان کی مکمل تفصیل، رائے کا نقشہ (جو شریک کے اپنے صفحے پر بھی
# دکھایا جاتا ہے)، اور وہ صفحہ جو نجی رپورٹ کی صورت میں دکھایا جاتا ہے۔ جن پیغامات کی کلید -html پر
# ختم ہوتی ہے ان میں مارک اپ ہو سکتا ہے؛ باقی سب سادہ متن ہیں۔

report-eyebrow = نتائج
report-updated-html = <time datetime="{ $iso }">{ $when }</time> کا تجزیہ۔
report-no-analysis = ابھی کوئی تجزیہ نہیں۔
report-live-note = ووٹ آنے کے ساتھ ساتھ یہ صفحہ خود بخود تازہ ہوتا رہتا ہے۔
report-live-updated = نتائج نئے ووٹوں کے ساتھ تازہ کر دیے گئے ہیں۔
report-print = یہ رپورٹ پرنٹ کریں
report-take-part = حصہ لیں:
report-closed = یہ مکالمہ بند ہو چکا ہے۔
report-figures-label = اب تک کی شرکت
report-figure-participants = شرکاء
report-figure-voters = ووٹ دینے والے
report-figure-votes = ووٹ
report-waiting-heading = اس رپورٹ کو کیا درکار ہے
report-summary-heading = خلاصہ
report-weighting = وزن کا طریقہ: { $name }۔
report-grid-heading = ہر بیان، گروپ اور حلقے کے لحاظ سے
report-grid-explain = ہر خانہ دکھاتا ہے کہ اس گروپ یا حلقے کا کتنا حصہ متفق ہے، ایک عدد اور ایک رنگ کی صورت میں۔ متوقع حد اور گنتی دیکھنے کے لیے کسی خانے پر اشارہ کریں یا اس پر فوکس لے جائیں؛ کسی بیان کی مکمل تفصیل دیکھنے کے لیے اسے کھولیں۔ نقطوں والے خانے میں ابھی اتنے ووٹ نہیں کہ انہیں گنا جا سکے۔
report-grid-key = رنگوں کی کلید
report-band-0 = 20% سے کم متفق
report-band-1 = 20–39%
report-band-2 = 40–59%
report-band-3 = 60–79%
report-band-4 = 80% یا زیادہ
report-band-thin = بہت کم ووٹ
report-grid-choices = بیانات کو ترتیب دیں اور چھانٹیں
report-grid-show = دکھائیں:
report-grid-sort = ترتیب:
report-grid-region = گروپ اور حلقے کے لحاظ سے بیانات
report-grid-caption = ہر بیان سے سب کا، رائے کے ہر گروپ کا اور ہر حلقے کا اتفاق
report-grid-number = نمبر
report-statement = بیان
report-grid-sort-by = اتفاق کے لحاظ سے ترتیب دیں: { $column }
report-statement-number = بیان { $number }:
report-by-participant = ایک شریک کا لکھا ہوا
report-grid-pages = بیانات کے صفحات
report-grid-page = صفحہ:
report-map-heading = رائے کا نقشہ
report-map-explain = ہر نقطہ ایک شریک ہے، یا چند ایسے شرکاء جنہوں نے ایک ہی طرح ووٹ دیا؛ ملتے جلتے ووٹ دینے والے لوگ ایک دوسرے کے قریب ہوتے ہیں۔ سایہ دار حصے ووٹوں سے سامنے آنے والے رائے کے گروپ ہیں: ہر ایک کا اپنا نمونہ اور لیبل ہے، اس لیے انہیں الگ پہچاننے کے لیے رنگ کی ضرورت نہیں۔ کسی نقطے کی جگہ کا بذاتِ خود کوئی مطلب نہیں (بائیں طرف ہونے کا مطلب “مخالف” نہیں)؛ صرف قربت معنی رکھتی ہے۔ نیچے دیا گیا جدول یہی معلومات دیتا ہے۔
report-map-empty = جب کافی لوگ ووٹ دے دیں گے تو نقشہ ظاہر ہو گا۔
report-groups-caption = رائے کے گروپ اور ہر ایک کی نمایاں رائے
report-groups-group = گروپ
report-groups-people = لوگ
report-groups-holds = وہ بیانات جن پر اس گروپ کی رائے دوسروں سے زیادہ واضح ہے
report-groups-holds-short = نمایاں رائے
report-groups-nothing = ابھی کافی ووٹوں کے ساتھ کوئی بات نمایاں نہیں۔
report-groups-named = ہر گروپ کا نام اس بیان پر رکھا گیا ہے جو اس کی سب سے نمایاں رائے ہے۔
report-groups-named-rename-html = ہر گروپ کا نام اس بیان پر رکھا گیا ہے جو اس کی سب سے نمایاں رائے ہے؛ <a href="{ $href }">منتظمین گروپوں کے نام بدل سکتے ہیں</a>۔
report-groups-none = ابھی رائے کا کوئی گروپ نہیں دکھایا جا رہا۔
report-differences-heading = اختلافات
report-differences-explain = اختلافات کو واضح کرنا اتنا ہی اہم ہے جتنا مشترکہ بنیاد تلاش کرنا۔ تقسیم کرنے والا بیان وہ ہے جس سے رائے کے ایک گروپ میں لوگ متفق ہوں اور دوسرے میں غیر متفق؛ پھیلاؤ سب سے زیادہ متفق گروپ اور سب سے کم متفق گروپ کے درمیان فرق ہے۔
report-divisive-heading = گروپوں کو تقسیم کرنے والے بیانات
report-divisive-none = کوئی بیان تقسیم کرنے والا نہیں دکھایا گیا: ابھی کسی بیان پر ایسا نہیں کہ رائے کے ایک گروپ میں لوگ متفق ہوں اور دوسرے میں غیر متفق، اور ہر ایک میں کافی ووٹ ہوں۔
report-near-heading = مشترکہ بنیاد کے سب سے قریب
report-near-none = مشترکہ بنیاد سے باہر کوئی بیان اس کے قریب نہیں: ہر ایک کے کہیں نہ کہیں بہت کم ووٹ ہیں، یا کوئی گروپ یا حلقہ 40% سے کم متفق ہے۔
report-lay-heading = عام اور پیشہ ور شرکاء
report-lay-explain = عام لوگوں کے حلقوں کے شرکاء ({ $lay }) کا پیشہ ور حلقوں کے شرکاء ({ $professional }) سے موازنہ{ $both ->
        [0] {""}
        [one] ؛ { $both } شخص دونوں سے تعلق رکھتا ہے اور دونوں طرف گنا جاتا ہے
       *[other] ؛ { $both } لوگ دونوں سے تعلق رکھتے ہیں اور دونوں طرف گنے جاتے ہیں
    }۔ ہر طرف کا اتفاق اس کے حلقوں کا اوسط ہے، اور ہر حلقہ ایک بار گنا جاتا ہے۔ “واضح” کے نشان والے فرق کا محض اتفاقی ہونا بعید ہے، دکھائے گئے تمام موازنوں کو ساتھ رکھ کر بھی (غلط دریافت کی شرح 5%)۔
report-lay-caption = جہاں عام اور پیشہ ور شرکاء مختلف شرح سے متفق ہیں
report-lay-agree = عام شرکاء متفق
report-professional-agree = پیشہ ور شرکاء متفق
report-gap = فرق
report-gap-clear = (واضح)
report-lay-none = ابھی عام اور پیشہ ور شرکاء کے درمیان کوئی فرق نہیں۔
report-gaps-heading = جہاں حلقوں کی رائے الگ ہوتی ہے
report-gaps-caption = { $first } کا { $second } سے موازنہ
report-gaps-agree = { $name } متفق
report-voice-heading = آوازوں کا جائزہ
report-voice-explain = کس نے حصہ لیا، اس کے مقابلے میں کہ منتظمین کو ہر حلقے سے شرکاء کے کتنے حصے کی توقع تھی۔ کسی حلقے پر نشان لگایا جاتا ہے جب اس کے شرکاء توقع سے کم ہوں، یا اتنے کم ہوں کہ اس کی رائے کا اندازہ نہ لگایا جا سکے۔ شرکاء کئی حلقوں سے تعلق رکھ سکتے ہیں، اس لیے حصوں کا مجموعہ 100% سے زیادہ ہو سکتا ہے۔
report-voice-missing-html = <strong>غائب یا کم نمائندگی والی آوازیں:</strong> { $names }۔
report-voice-caption = حلقوں کے لحاظ سے شرکت ({ $participants } شرکاء، جن میں سے { $voters } نے ووٹ دیا)
report-voice-constituency = حلقہ
report-voice-share = حصہ، توقع کے مقابلے میں
report-voice-vote-share = ووٹوں میں حصہ
report-voice-population = آبادی میں حصہ
report-voice-weight = ایک شریک کا وزن
report-voice-written = لکھے گئے بیانات (مشترکہ بنیاد)
report-voice-flag = انتباہ
report-none = کوئی نہیں
report-not-given = نہیں دیا گیا
report-voice-expected = ، متوقع { $share }
report-flag-none = کوئی نہیں
report-voice-no-constituencies = اس مکالمے میں کوئی حلقہ نہیں، اس لیے شرکت کا توقع سے موازنہ نہیں کیا جا سکتا۔
report-channels-heading = ذریعے کے لحاظ سے
report-channels-explain = سہولت کار کے درج کیے ہوئے ووٹ، چاہے کسی تقریب میں ہوں، فون پر یا کاغذی کارڈ سے، بالکل آن لائن ڈالے گئے ووٹوں کی طرح گنے جاتے ہیں۔ اس سے پتا چلتا ہے کہ مکالمے کا کتنا حصہ ہر ذریعے سے آتا ہے، اور کہاں اس کا اتفاق مختلف ہے۔
report-channels-caption = ذریعے کے لحاظ سے شرکت
report-channel = ذریعہ
report-channel-participant-share = شرکاء میں حصہ
report-channels-statements-caption = ذریعے کے لحاظ سے اتفاق، جہاں فرق سب سے زیادہ ہے
report-shifts-heading = برابر وزن سے کیا بدلتا ہے
report-shifts-explain = ہر فرد کو ایک بار گننے سے سب سے بڑا حلقہ حاوی ہو جاتا ہے۔ برابر وزن ہر حلقے کو ایک بار گنتا ہے، چاہے وہ کتنا ہی بڑا ہو۔ گننے کے ان دو طریقوں کے درمیان یہ بیانات سب سے زیادہ بدلتے ہیں؛ ہر ایک کے ساتھ بتایا گیا ہے کہ اس کا برابر وزن کتنے حلقوں پر مبنی ہے، اور صرف ایک حلقے پر مبنی کوئی بیان فہرست میں شامل نہیں۔
report-shifts-caption = اتفاق، ہر فرد کو گن کر اور ہر حلقے کو ایک بار گن کر
report-shifts-heads = فی فرد
report-shifts-equal = برابر وزن
report-change = تبدیلی
report-shifts-none = برابر وزن سے ابھی کسی بیان کے اتفاق میں نمایاں تبدیلی نہیں آتی۔
report-voice-next = آوازوں کا جائزہ اگلے تجزیے کے ساتھ ظاہر ہو گا۔
report-rounds-heading = مراحل کا موازنہ
report-rounds-explain = یہ مکالمہ مراحل میں چلتا ہے۔ اس رپورٹ کی باقی ہر چیز موجودہ مرحلے ({ $later }) کے بارے میں ہے۔ یہاں اس کا موازنہ پچھلے مرحلے ({ $earlier }) سے کیا گیا ہے: وہی بیانات، وہی لوگ جہاں انہوں نے دوبارہ ووٹ دیا، اور موجودہ مرحلے کے رائے کے گروپ۔
report-rounds-gained-heading = حاصل اور ضائع ہونے والی مشترکہ بنیاد
report-rounds-gained = اب مشترکہ بنیاد، لیکن پچھلے مرحلے میں نہیں:
report-rounds-lost = پچھلے مرحلے میں مشترکہ بنیاد، لیکن اب نہیں:
report-rounds-same = دونوں مراحل میں مشترکہ بنیاد ایک جیسی ہے۔
report-rounds-kept = { $count ->
        [one] { $count } بیان دونوں مراحل میں مشترکہ بنیاد ہے۔
       *[other] { $count } بیانات دونوں مراحل میں مشترکہ بنیاد ہیں۔
    }
report-rounds-caption = ہر مرحلے میں اتفاق، جہاں یہ سب سے زیادہ بدلا
report-rounds-before = پہلے متفق
report-rounds-now = اب متفق
report-rounds-moved = ووٹ بدلا
report-rounds-movement-caption = کس نے اپنا ووٹ بدلا
report-rounds-who = گروپ یا حلقہ
report-rounds-returning = دونوں مراحل میں ووٹ دیا
report-rounds-changed = کم از کم ایک ووٹ بدلا
report-confidence-heading = یہ نتائج کتنے یقینی ہیں
report-back-label = واپس
report-back = { $title } کی رپورٹ پر واپس جائیں
report-statement-eyebrow = بیان { $number }
report-written-by-participant = ایک شریک کا لکھا ہوا
report-everyone = سب
report-by-group = رائے کے گروپ کے لحاظ سے
report-groups-counted-once = ہر گروپ ایک بار گنا گیا: { $reading }۔
report-by-constituency = حلقے کے لحاظ سے
report-constituencies-counted-once = ہر حلقہ ایک بار گنا گیا: { $reading }۔
report-no-constituencies = اس مکالمے میں کوئی حلقہ نہیں۔
report-bars-explain = ہر پٹی متفق لوگوں کا حصہ دکھاتی ہے؛ اس کے اندر کی باریک لکیر وہ حد دکھاتی ہے جس میں اصل حصہ غالباً ہے (95% کا Jeffreys وقفہ)، جو کم لوگوں کے ووٹ دینے پر چوڑی ہوتی ہے۔ گنتی میں متفق، غیر متفق اور چھوڑنے کے ووٹ دیے گئے ہیں؛ چھوڑنا غیر متفق ہونا نہیں ہے۔
report-other-statements = دوسرے بیانات
report-previous-statement = پچھلا بیان
report-next-statement = اگلا بیان
report-bar-agree = { $rate } متفق
report-bar-likely = (غالباً { $range })
report-bar-no-votes = ابھی کوئی ووٹ نہیں
report-bar-too-few = ؛ ابھی گنے جانے کے لیے بہت کم ووٹ
report-private-heading = { $title } کی رپورٹ نجی ہے
report-private-kept = اس مکالمے کے منتظمین اس کی رپورٹ اپنے پاس رکھتے ہیں۔ اسے شراکت کے منتظمین پڑھ سکتے ہیں، اور جب منتظمین اسے شیئر کریں تو شراکت دار تنظیموں کی نمائندگی کرنے والے لوگ بھی۔
report-private-kept-running = جب تک یہ مکالمہ جاری ہے، اس کے منتظمین اس کی رپورٹ اپنے پاس رکھتے ہیں۔ اسے شراکت کے منتظمین پڑھ سکتے ہیں، اور جب منتظمین اسے شیئر کریں تو شراکت دار تنظیموں کی نمائندگی کرنے والے لوگ بھی۔
report-private-ask = اگر آپ نے حصہ لیا ہے یا آپ کسی شراکت دار کے ساتھ کام کرتے ہیں، تو جس شخص نے آپ کو مدعو کیا تھا اس سے نتائج شیئر کرنے کو کہیں: وہ رپورٹ کو عام کر سکتے ہیں یا آپ کو اس کے نتائج بھیج سکتے ہیں۔
report-private-take-part = مکالمے میں حصہ لیں
report-private-signed-in = آپ سائن اِن ہیں، لیکن آپ کا اکاؤنٹ ان میں شامل نہیں جن کے ساتھ یہ رپورٹ شیئر کی گئی ہے۔
report-private-sign-in-html = کیا آپ اس مکالمے کے منتظم ہیں؟ <a href="{ $href }">رپورٹ پڑھنے کے لیے سائن اِن کریں</a>۔
report-download-heading = ڈاؤن لوڈ
report-download-pdf = رپورٹ بطور PDF
report-download-map = رائے کا نقشہ بطور سلائیڈ (PNG، 1600×900)
report-download-grid = گروپ اور حلقے کے لحاظ سے بیانات بطور سلائیڈ (PNG، 1600×900)
opinion-map-dot = { $count ->
        [one] { $count } شخص
       *[other] ملتے جلتے ووٹ دینے والے { $count } لوگ
    }
opinion-map-dot-in-group = { $count ->
        [one] { $count } شخص، { $group }
       *[other] ملتے جلتے ووٹ دینے والے { $count } لوگ، { $group }
    }
opinion-map-you-marked = آپ کو ٹوٹی لکیر والے دائرے میں ہیرے کی شکل کے نشان سے دکھایا گیا ہے، جس پر “آپ” لکھا ہے۔
opinion-map-legend-label = نقشے پر گروپ
opinion-map-legend-group = { $name }: { $count ->
        [one] { $count } شخص
       *[other] { $count } لوگ
    }
opinion-map-statements-show = نقشے پر بیانات دکھائیں
opinion-map-statements-explain = ہر نمبر والا لیبل اس سمت کو دکھاتا ہے جس طرف اس بیان سے متفق لوگوں کا جھکاؤ ہے۔ پوری رپورٹ میں ہر بیان کا نمبر ایک ہی رہتا ہے۔
report-title = رپورٹ · { $title }
report-statement-title = بیان { $number } · { $title }
report-no-such-statement = اس رپورٹ میں بیان { $number } نہیں ہے: ہو سکتا ہے یہ پچھلے تجزیے کے بعد نیا آیا ہو، یا اس مکالمے کا حصہ نہ ہو۔ تمام بیانات دیکھنے کے لیے رپورٹ پر واپس جائیں۔
report-minimums = کسی بیان کو کسی گروپ کی نمایاں رائے، تقسیم کرنے والا یا مشترکہ بنیاد کے قریب صرف تب کہا جاتا ہے جب متعلقہ ہر گروپ یا حلقے کے اس پر کم از کم 5 ووٹ ہوں (متفق، غیر متفق یا چھوڑیں) اور متعلقہ ہر گروپ میں کم از کم 3 لوگ ہوں۔ چھوڑنے کو کبھی غیر متفق ہونا شمار نہیں کیا جاتا: تقسیم کرنے والے بیان پر ایک طرف لوگ متفق ہوتے ہیں اور دوسری طرف غیر متفق۔
report-groups-rule = رائے کے گروپ تب دکھائے جاتے ہیں جب کم از کم 10 شرکاء اتنے بیانات پر ووٹ دے چکے ہوں کہ انہیں نقشے پر رکھا جا سکے، اور ووٹ انہیں 3 یا زیادہ لوگوں کے کم از کم دو گروپوں میں تقسیم کر دیں۔
report-groups-not-yet = رائے کے گروپ ابھی نہیں دکھائے جا رہے: اب تک { $placed ->
        [one] { $placed } شریک نقشے پر رکھا گیا ہے،
       *[other] { $placed } شرکاء نقشے پر رکھے گئے ہیں،
    } { $groups ->
        [0] اور ووٹ ابھی انہیں گروپوں میں تقسیم نہیں کرتے۔
        [1] اور ووٹ ابھی انہیں گروپوں میں تقسیم نہیں کرتے۔
       *[other] اور ووٹ ابھی انہیں 3 یا زیادہ لوگوں کے دو گروپوں میں تقسیم نہیں کرتے۔
    }
report-waiting-no-votes = ابھی کسی نے ووٹ نہیں دیا، اس لیے بتانے کو کچھ نہیں۔
report-waiting-needs = رپورٹ کو ووٹوں کی ضرورت ہے: نیچے دیا گیا شرکت کا لنک شیئر کریں۔ خلاصہ اور جدول پہلے ووٹوں کے چند سیکنڈ بعد ظاہر ہوتے ہیں؛ رائے کے گروپ تب، جب کم از کم 10 لوگ کئی کئی بیانات پر ووٹ دے چکے ہوں؛ اور مشترکہ بنیاد تب، جب ہر گروپ اور ہر حلقے کے کسی بیان پر کم از کم چند ووٹ ہوں۔
report-waiting-computing = پہلا تجزیہ تیار کیا جا رہا ہے؛ تیار ہونے پر یہ صفحہ خود بخود تازہ ہو جائے گا۔
report-verdict-common = مشترکہ بنیاد
report-verdict-divided = منقسم
report-verdict-not-shared = سب گروپوں میں مشترک نہیں
report-verdict-out = جانچ کے بعد ہٹا دیا گیا
report-verdict-short = مزید ووٹ درکار
report-show-all = تمام بیانات
report-sort-rank = پہلے مشترکہ بنیاد
report-sort-divided = پہلے سب سے زیادہ منقسم
report-sort-overall = مجموعی طور پر سب سے زیادہ اتفاق
report-sort-number = نمبر کے لحاظ سے
report-order-rank = پہلے مشترکہ بنیاد
report-order-number = نمبر کے لحاظ سے
report-order-divided = پہلے سب سے زیادہ منقسم
report-order-column = اتفاق ({ $column }) کے لحاظ سے، سب سے زیادہ پہلے
report-showing-none = کوئی بیان اس فلٹر سے میل نہیں کھاتا۔
report-showing = { $total ->
        [one] { $total } بیان میں سے
       *[other] { $total } بیانات میں سے
    } { $first }–{ $last } دکھائے جا رہے ہیں، { $order }۔
report-group-letter = گروپ { $letter }
report-counts = { $agree } متفق، { $disagree } غیر متفق، { $pass } نے چھوڑا
report-cell-no-votes = { $label }: ابھی کوئی ووٹ نہیں
report-cell = { $label }: { $rate } متفق{ $likely }؛ { $counts }{ $enough ->
        [yes] {""}
       *[no] ؛ ابھی گنے جانے کے لیے بہت کم ووٹ
    }
report-cell-likely = ، غالباً { $range }
report-nobody-agrees = کوئی متفق نہیں
report-of = { $whole } میں سے { $part }
report-no-votes = کوئی ووٹ نہیں
report-points = { $sign }{ $points } پوائنٹ
report-equal-weight-reading = { $rate } متفق، ووٹوں والے { $of ->
        [groups] { $total ->
            [one] { $total } گروپ
           *[other] { $total } گروپوں
        }
       *[constituencies] { $total ->
            [one] { $total } حلقے
           *[other] { $total } حلقوں
        }
    } میں سے { $counted } کی بنیاد پر
report-rests-on = ووٹوں والے { $of ->
        [groups] { $total ->
            [one] { $total } گروپ
           *[other] { $total } گروپوں
        }
       *[constituencies] { $total ->
            [one] { $total } حلقے
           *[other] { $total } حلقوں
        }
    } میں سے { $counted } کی بنیاد پر
report-head-count-note = فی فرد گنتی سے: مجموعی طور پر { $head } متفق ({ $weighted } وزن کے ساتھ){ $verdict ->
        [common] ، اور یہ مشترکہ بنیاد ہوتا
        [not-common] ، اور یہ مشترکہ بنیاد نہ ہوتا
       *[same] {""}
    }۔
report-flag-missing = غائب: اس حلقے سے کسی نے حصہ نہیں لیا
report-flag-too-few = اس حلقے کی رائے کا اندازہ لگانے کے لیے شرکاء بہت کم ہیں
report-flag-below-expected = توقع سے کم
report-flag-thin = 5 سے کم لوگوں پر مبنی، جن میں سے ہر ایک کا وزن زیادہ ہے
report-flag-trimmed = آبادی میں حصہ اس کے برابر حصے کے 5 گنا تک محدود کیا گیا
report-unaffiliated = { $count ->
        [0] ہر شریک نے کوئی حلقہ چنا۔
        [one] { $count } شریک نے کوئی حلقہ نہیں چنا۔
       *[other] { $count } شرکاء نے کوئی حلقہ نہیں چنا۔
    }
report-channel-online = آن لائن
report-channel-facilitated = سہولت کار کے ذریعے
report-channel-paper = کاغذ پر
report-map-note-share = { $group } { $with } (زائد تعداد کے بغیر { $without })
report-map-note = رائے کا نقشہ فی فرد گنتی سے بنایا جاتا ہے، جیسے Pol.is بناتا ہے، اور یہ { $largest } کی تعداد پر انحصار کرتا ہے: اسے اس کے برابر حصے تک لانے پر گروپوں کے حصے { $points } پوائنٹ تک بدل جاتے ہیں ({ $shares })۔
report-weighting-head-count = فی فرد گنتی
report-weighting-head-count-explained = ہر شریک ایک بار گنا جاتا ہے۔
report-weighting-equal = برابر وزن
report-weighting-equal-explained = ہر حلقے کے شرکاء کا مجموعی وزن برابر ہے، اور کسی حلقے میں نہ ہونے والوں کا بھی، اس لیے بڑی تعداد میں آنے والا حلقہ ووٹوں میں دوسروں پر غالب نہیں آ سکتا۔
report-weighting-frame = آبادی کا خاکہ
report-weighting-frame-explained = حلقوں کا وزن آبادی میں ان کے اس حصے کے مطابق ہے جو منتظمین نے دیا۔
report-weighting-head-count-common = فی فرد گنتی سے { $head ->
        [one] { $head } بیان مشترکہ بنیاد ہوتا
       *[other] { $head } بیانات مشترکہ بنیاد ہوتے
    }؛ اس وزن کے ساتھ، { $weighted }۔
report-design-effect = ڈیزائن اثر { $effect }: وزن شدہ نتائج اتنے ہی درست ہیں جتنے { $voters } شرکاء کے بغیر وزن کے نتائج۔
report-near-detail = { $overall }؛ ووٹوں والے { $voted ->
        [one] { $voted } گروپ یا حلقے
       *[other] { $voted } گروپوں اور حلقوں
    } میں سب سے کم اتفاق { $lowest } ہے۔
report-divisive-sides = { $agreeing } میں { $agree } متفق ({ $votes ->
        [one] { $votes } ووٹ
       *[other] { $votes } ووٹوں
    } میں سے { $agreed })؛ { $disagreeing } میں { $disagree } غیر متفق ({ $their-votes ->
        [one] { $their-votes } ووٹ
       *[other] { $their-votes } ووٹوں
    } میں سے { $disagreed })۔
report-divisive-detail = { $points } پوائنٹ کا فرق، { $total ->
        [one] { $total } گروپ
       *[other] { $total } گروپوں
    } میں سے { $counted } کی بنیاد پر۔
report-people = { $count ->
        [one] { $count } شخص
       *[other] { $count } لوگ
    }
report-agree-overall = مجموعی طور پر { $rate } متفق
report-summary-who = کس نے حصہ لیا
report-summary-took-part = { $participants ->
        [one] { $participants } شخص نے
       *[other] { $participants } لوگوں نے
    } حصہ لیا اور { $voters } نے ووٹ دیا، اور { $statements ->
        [one] { $statements } بیان
       *[other] { $statements } بیانات
    } پر کُل { $votes ->
        [one] { $votes } ووٹ ڈالا
       *[other] { $votes } ووٹ ڈالے
    }{ $left-out ->
        [0] {""}
        [one] {" "}(جانچ میں مسترد، جانچ کا منتظر یا ابھی بغیر ووٹ کا { $left-out } بیان یہاں شمار نہیں کیا گیا)
       *[other] {" "}(جانچ میں مسترد، جانچ کے منتظر یا ابھی بغیر ووٹ کے { $left-out } بیانات یہاں شمار نہیں کیے گئے)
    }۔
report-summary-by-constituency = حلقوں کے لحاظ سے ({ $constituencies ->
        [one] { $constituencies } حلقے
       *[other] { $constituencies } حلقوں
    } میں سے { $with-people } میں لوگ ہیں): { $parts }{ $none ->
        [0] {""}
        [one] ؛ { $none } شخص نے کوئی حلقہ نہیں چنا
       *[other] ؛ { $none } لوگوں نے کوئی حلقہ نہیں چنا
    }۔
report-summary-basis = { $groups ->
        [0] { $constituencies ->
            [0] ووٹ دینے والے سب لوگ، کیونکہ ابھی گروپوں یا حلقوں میں فرق نہیں کیا جا سکتا
            [one] ووٹوں والا { $constituencies } حلقہ
           *[other] ووٹوں والے { $constituencies } حلقے
        }
        [one] رائے کا { $groups } گروپ{ $constituencies ->
            [0] {""}
            [one] {" "}اور ووٹوں والا { $constituencies } حلقہ
           *[other] {" "}اور ووٹوں والے { $constituencies } حلقے
        }
       *[other] رائے کے { $groups } گروپ{ $constituencies ->
            [0] {""}
            [one] {" "}اور ووٹوں والا { $constituencies } حلقہ
           *[other] {" "}اور ووٹوں والے { $constituencies } حلقے
        }
    }
report-summary-common = ووٹ پانے والے { $statements ->
        [one] { $statements } بیان
       *[other] { $statements } بیانات
    } میں سے { $common } مشترکہ بنیاد { $common ->
        [one] ہے
       *[other] ہیں
    }: ہر شامل حصے ({ $basis }) میں واضح اکثریت متفق ہے، اور ہر حصہ برابر گنا جاتا ہے۔
report-summary-none-common = کچھ بھی مشترکہ بنیاد نہیں: ووٹ پانے والے { $statements ->
        [one] { $statements } بیان
       *[other] { $statements } بیانات
    } میں سے { $divided } میں کم از کم ایک گروپ یا حلقہ (ان میں سے: { $basis }) ایسا ہے جو واضح طور پر متفق نہیں{ $short ->
        [0] {""}
       *[other] ، اور { $short } کو ابھی مزید ووٹ درکار ہیں
    }۔
report-summary-none-common-yet = ابھی کچھ بھی مشترکہ بنیاد نہیں: ووٹ پانے والے { $statements ->
        [one] { $statements } بیان
       *[other] { $statements } بیانات
    } میں سے { $short } کو مزید ووٹ درکار ہیں۔ کوئی بیان تب مشترکہ بنیاد بنتا ہے جب رائے کے ہر گروپ اور ہر حلقے میں واضح اکثریت اس سے متفق ہو، اور ہر ایک کے اس پر کم از کم چند ووٹ ہوں۔
report-summary-strongest = سب سے مضبوط { $named } درج ہیں؛ نیچے کا جدول ہر ایک کو دکھاتا ہے۔
report-summary-common-heading = کیا مشترکہ بنیاد ہے
report-summary-no-groups = رائے کے گروپ ابھی نہیں دکھائے جا رہے، اس لیے کسی بیان کو تقسیم کرنے والا نہیں کہا گیا۔
report-summary-none-divides = کوئی بیان رائے کے { $groups ->
        [one] { $groups } گروپ
       *[other] { $groups } گروپوں
    } کو واضح طور پر تقسیم نہیں کرتا: کسی پر بھی ایسا نہیں کہ ایک گروپ میں لوگ متفق ہوں اور دوسرے میں غیر متفق، اور ہر ایک میں کم از کم 5 ووٹ ہوں۔
report-summary-groups = { $groups ->
        [one] ووٹوں سے رائے کا { $groups } گروپ بنتا ہے
       *[other] ووٹوں سے رائے کے { $groups } گروپ بنتے ہیں
    }: { $names }۔
report-summary-divide-most = { $count ->
        [one] یہ بیان انہیں سب سے زیادہ تقسیم کرتا ہے:
       *[other] یہ بیانات انہیں سب سے زیادہ تقسیم کرتے ہیں:
    }
report-summary-clearest-gap = حلقوں کے درمیان سب سے واضح فرق: بیان { $number } پر { $first } میں { $first-rate } متفق ہیں اور { $second } میں { $second-rate } ({ $points } پوائنٹ)۔
report-summary-divide-heading = لوگوں کی رائے کہاں بٹتی ہے
report-summary-no-constituencies = اس مکالمے میں کوئی حلقہ نہیں، اس لیے یہ اندازہ نہیں لگایا جا سکتا کہ کس کی آواز غائب ہے۔
report-summary-under-share = { $name } ({ $count ->
        [one] { $count } شخص
       *[other] { $count } لوگ
    }، شرکاء کا { $share }، جبکہ توقع { $expected } کی تھی)
report-summary-under = { $name } ({ $count ->
        [one] { $count } شخص
       *[other] { $count } لوگ
    })
report-summary-absent = { $names } سے کسی نے حصہ نہیں لیا۔
report-summary-under-represented = کم نمائندگی: { $names }۔
report-summary-all-present = { $count ->
        [one] واحد حلقے نے تقریباً متوقع حصے یا اس سے زیادہ شرکت کی ہے۔
       *[other] تمام { $count } حلقوں نے تقریباً متوقع حصے یا اس سے زیادہ شرکت کی ہے۔
    }
report-summary-missing-heading = کس کی آواز غائب ہے
report-holding = { $whole } میں سے { $part } ({ $share }) { $side ->
        [agree] متفق
       *[disagree] غیر متفق
    }
opinion-map-you = آپ
opinion-map-describe-no-groups = { $people ->
        [one] { $people } شخص
       *[other] { $people } لوگوں
    } کا رائے کا نقشہ، ابھی رائے کے کسی گروپ کے بغیر۔
opinion-map-describe-group = { $name } ({ $count ->
        [one] { $count } شخص
       *[other] { $count } لوگ
    })
opinion-map-describe = رائے کا نقشہ، { $groups ->
        [one] رائے کے { $groups } گروپ
       *[other] رائے کے { $groups } گروپوں
    } کے ساتھ: { $listed }۔ ملتے جلتے ووٹ دینے والے لوگ ایک دوسرے کے قریب دکھائے گئے ہیں۔
opinion-map-describe-you-in = آپ { $name } میں ہیں۔
opinion-map-describe-you-no-group = آپ نقشے پر ہیں لیکن ابھی کسی گروپ میں نہیں۔
report-group-derived = “{ $statement }” { $side ->
        [agree] کے حق میں
       *[disagree] کے خلاف
    }
report-group-described = { $name }: { $description }
report-rounds-not-comparable = موازنہ ممکن نہیں
report-rounds-no-change = کوئی تبدیلی نہیں
report-round-name = مرحلہ { $number }
report-round-name-labelled = مرحلہ { $number }، { $label }
report-rounds-voters = مرحلہ { $earlier } میں { $earlier-voters ->
        [one] { $earlier-voters } شخص نے
       *[other] { $earlier-voters } لوگوں نے
    } ووٹ دیا اور مرحلہ { $later } میں { $later-voters ->
        [one] { $later-voters } شخص نے
       *[other] { $later-voters } لوگوں نے
    }۔ { $returning ->
        [one] { $returning } شخص نے
       *[other] { $returning } لوگوں نے
    } دونوں مراحل میں انہی بیانات پر ووٹ دیا، اور ان میں سے { $moved } نے کم از کم ایک ووٹ بدلا۔
report-rounds-kind-group = رائے کا گروپ
report-rounds-kind-constituency = حلقہ
report-reason-out = جانچ کے بعد ہٹا دیا گیا: تجزیے میں شامل نہیں۔
report-reason-nothing-to-compare = مشترکہ بنیاد نہیں: ابھی موازنے کے لیے رائے کا کوئی گروپ یا حلقہ نہیں۔
report-reason-too-few = بہت کم ووٹ: { $unit } کو { $needed ->
        [one] مزید { $needed } ووٹ درکار ہے
       *[other] مزید { $needed } ووٹ درکار ہیں
    }۔
report-reason-divided = منقسم: { $unit } میں { $rate } متفق ({ $counts })، واضح اکثریت نہیں۔
report-reason-divided-unknown = منقسم: { $unit } واضح طور پر متفق نہیں۔
report-reason-voted = { $voted } نے ووٹ دیا
report-reason-other = { $unit } ({ $rate })
report-reason-also = اس کے علاوہ: { $names }۔
report-reason-provisional = عارضی: اب تک { $range } متفق ہیں؛ { $names } میں ابھی کافی ووٹ نہیں۔
report-reason-negative-bridging = مشترکہ بنیاد نہیں: ہر گروپ اور حلقے میں اتفاق ہے، لیکن گروپوں کو جوڑنے کا اسکور منفی ہے ({ $intercept })۔
report-reason-common = { $places } میں { $range } متفق ہیں۔
report-reason-thin = { $names } میں ابھی بہت کم ووٹ ہیں۔
report-coverage = { $whole ->
        [all] { $total ->
            [one] { $kind ->
                [groups] واحد گروپ
               *[constituencies] واحد حلقے
            }
           *[other] تمام { $total } { $kind ->
                [groups] گروپوں
               *[constituencies] حلقوں
            }
        }
       *[some] { $kind ->
            [groups] { $total ->
                [one] { $total } گروپ
               *[other] { $total } گروپوں
            }
           *[constituencies] { $total ->
                [one] { $total } حلقے
               *[other] { $total } حلقوں
            }
        } میں سے { $counted }
    }
report-list-and = { $rest } اور { $last }
report-list-more = { $shown } اور { $more } دیگر
report-notice-unaffiliated = کسی حلقے میں شامل نہ ہونے والے شرکاء
report-notice-no-votes = تجزیہ کرنے کے لیے کوئی ووٹ نہیں۔
report-notice-fewer-components = { $found ->
        [one] ووٹوں میں صرف { $found } سمت میں فرق ہے، اس لیے رائے کے نقشے کے دو سے کم محور ہیں۔
       *[other] ووٹوں میں صرف { $found } سمتوں میں فرق ہے، اس لیے رائے کے نقشے کے دو سے کم محور ہیں۔
    }
report-notice-not-converged = بنیادی اجزاء { $iterations ->
        [one] { $iterations } تکرار
       *[other] { $iterations } تکراروں
    } کے اندر کسی مستحکم نتیجے تک نہیں پہنچے۔
report-notice-fewer-groups = گروپ بندی میں شامل { $clustered ->
        [one] { $clustered } شریک
       *[other] { $clustered } شرکاء
    } سے { $groups ->
        [one] رائے کا صرف { $groups } گروپ بن سکا
       *[other] رائے کے صرف { $groups } گروپ بن سکے
    }۔
report-notice-smoothed-groups = گروپوں کی پچھلی تعداد ({ $asked }) حاصل نہیں ہو سکی؛ { $used ->
        [one] { $used } گروپ استعمال کیا گیا
       *[other] { $used } گروپ استعمال کیے گئے
    }۔
report-notice-no-groups = رائے کا کوئی گروپ نہیں، اس لیے مشترکہ بنیاد صرف حلقوں پر مبنی ہے۔
report-notice-no-constituencies = کوئی حلقہ نہیں دیا گیا، اس لیے مشترکہ بنیاد صرف رائے کے گروپوں پر مبنی ہے۔
report-notice-group-out-of-range = { $rows ->
        [one] { $rows } شریک کا گروپ ایسا تھا جسے مشترکہ بنیاد کا تجزیہ نہیں پہچانتا، اس لیے اسے کسی گروپ میں شامل نہیں کیا گیا۔
       *[other] { $rows } شرکاء کے گروپ ایسے تھے جنہیں مشترکہ بنیاد کا تجزیہ نہیں پہچانتا، اس لیے انہیں کسی گروپ میں شامل نہیں کیا گیا۔
    }
report-notice-unknown-constituency = { $entries ->
        [one] { $entries } رکنیت میں کسی معلوم حلقے کا نام نہیں تھا، اس لیے اسے نظر انداز کر دیا گیا۔
       *[other] { $entries } رکنیتوں میں کسی معلوم حلقے کا نام نہیں تھا، اس لیے انہیں نظر انداز کر دیا گیا۔
    }
report-notice-statements-without-info = { $statements ->
        [one] { $statements } بیان پر ووٹ تھے لیکن اس کی کوئی تفصیل نہیں تھی، اس لیے اسے ایسا سمجھا گیا جیسے اس کی جانچ نہ ہوئی ہو۔
       *[other] { $statements } بیانات پر ووٹ تھے لیکن ان کی کوئی تفصیل نہیں تھی، اس لیے انہیں ایسا سمجھا گیا جیسے ان کی جانچ نہ ہوئی ہو۔
    }
report-notice-setting-replaced = سیٹنگ { $field } قابلِ قبول حد سے باہر تھی، اس لیے اس کی طے شدہ قدر استعمال کی گئی۔
report-notice-thinly-carried = { $name } کا اتفاق 5 سے کم ووٹ دینے والوں پر مبنی ہے، جن میں سے ہر ایک کا وزن اوسط کا کم از کم دوگنا ہے: یہ اتفاق بہت کم لوگوں پر ٹکا ہوا ہے۔
report-notice-share-trimmed = آبادی میں { $name } کا حصہ اس کے برابر حصے کے زیادہ سے زیادہ 5 گنا تک محدود کیا گیا۔
report-notice-map-leans = رائے کا نقشہ فی فرد گنتی سے بنایا جاتا ہے، اور { $name } کی زائد تعداد کے بغیر رائے کے کسی گروپ کا حصہ { $points } پوائنٹ بدل جاتا ہے: نقشہ اس حلقے پر انحصار کرتا ہے۔
