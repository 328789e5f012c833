# ترجیحات کی فہرست کے شریک کے صفحات: شامل ہونا، ایک وقت میں دو اختیارات کا موازنہ، اختیار شامل کرنا،
# "آپ کا ڈیٹا" اور اسے مٹانا۔ مکالمے کے صفحات کے ساتھ مشترک پیغامات participant.ftl میں ہیں۔
# جن پیغامات کی کلید -html پر ختم ہوتی ہے ان میں مارک اپ ہو سکتا ہے؛ باقی سب سادہ متن ہیں۔

## کئی صفحات میں مشترک

priority-closed-heading = ترجیحات کی یہ فہرست بند ہو چکی ہے
priority-results-link = نتائج دیکھیں
priority-your-data-link = آپ کا ڈیٹا: یہ فہرست آپ کے بارے میں جو رکھتی ہے اسے دیکھیں، ڈاؤن لوڈ کریں یا مٹائیں
priority-or = یا
priority-progress-none = آپ نے ابھی تک کسی جوڑے کا موازنہ نہیں کیا۔
priority-form-expired = اس فارم کی میعاد ختم ہو گئی ہے یا یہ اس سائٹ سے نہیں آیا۔ کچھ بھی درج نہیں ہوا۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔

## شامل ہونا

priority-join-step-pairs = آپ کو ایک وقت میں دو اختیارات دکھائے جاتے ہیں۔
priority-join-step-choose-html = وہ چنیں جو شراکت کو پہلے کرنا چاہیے، یا بتائیں کہ آپ <strong>فیصلہ نہیں کر سکتے</strong>۔
priority-join-step-any = جتنے جوڑوں کا چاہیں جواب دیں: ہر جواب گنا جاتا ہے، اور آپ کسی بھی وقت رک سکتے ہیں۔
priority-join-step-add = اگر کوئی بات رہ گئی ہو تو آپ اپنا اختیار شامل کر سکتے ہیں۔
priority-join-step-equal = نتائج میں لوگوں کا ہر گروپ برابر گنا جاتا ہے، چاہے ہر گروپ سے کتنے ہی لوگ حصہ لیں۔
priority-join-start = موازنہ شروع کریں
priority-join-closed-text = اب اس میں نئے شرکاء، اختیارات یا موازنے نہیں لیے جاتے۔ حصہ لینے والے سب لوگوں کا شکریہ۔

## موازنہ کرنا

priority-compare-title = موازنہ کریں · { $list }
priority-progress = { $count ->
        [one] آپ { $count } جوڑے کا موازنہ کر چکے ہیں۔
       *[other] آپ { $count } جوڑوں کا موازنہ کر چکے ہیں۔
    }
priority-closed-compare-text = اب اس میں موازنے نہیں لیے جاتے۔ حصہ لینے کا شکریہ۔
priority-pair-heading = وہ چنیں جو پہلے کرنا چاہیے
priority-undecided-legend = فیصلہ نہیں کر پا رہے؟ چاہیں تو وجہ بتائیں
priority-reason-equal = دونوں برابر اہم ہیں
priority-reason-unknown = مجھے کافی معلومات نہیں
priority-undecided = فیصلہ نہیں کر سکتے
priority-keyboard-hint = کی بورڈ: پہلے اختیار کے لیے 1 یا ←، دوسرے کے لیے 2 یا →، اور “فیصلہ نہیں کر سکتے” کے لیے 0 یا N دبائیں۔
priority-done-heading = آپ ہر جوڑے کا موازنہ کر چکے ہیں
priority-done-text = شکریہ: اختیارات کے جتنے جوڑے آپ کو دکھائے جا سکتے ہیں، ان سب کا آپ جواب دے چکے ہیں۔ بعد میں شامل ہونے والے اختیارات نئے جوڑے لا سکتے ہیں، اس لیے آپ دوبارہ آ سکتے ہیں۔
priority-notice-recorded = آپ کا انتخاب درج ہو گیا ہے۔
priority-notice-replayed = یہ انتخاب پہلے ہی درج ہو چکا تھا؛ یہ ایک ہی بار گنا جاتا ہے۔
priority-notice-already = آپ اس جوڑے کا جواب پہلے ہی دے چکے تھے، اس لیے آپ کا پہلا جواب برقرار ہے۔ یہ رہا ایک اور جوڑا۔
priority-missing-options = انتخاب میں یہ نہیں بتایا گیا کہ وہ کن دو اختیارات کے بارے میں ہے۔ کچھ بھی درج نہیں ہوا۔
priority-missing-choice = دونوں میں سے ایک اختیار چنیں، یا “فیصلہ نہیں کر سکتے”۔ کچھ بھی درج نہیں ہوا۔
priority-unknown-reason = “فیصلہ نہیں کر سکتے” کی یہ وجہ اس صفحے پر موجود نہیں۔ کچھ بھی درج نہیں ہوا۔
priority-too-fast = آپ اس فہرست کی اجازت سے زیادہ تیزی سے انتخاب کر رہے ہیں، اس لیے یہ انتخاب درج نہیں ہوا۔ { $wait } انتظار کریں اور دوبارہ چنیں: وہی جوڑا نیچے موجود ہے۔
priority-closed-late = آپ کا انتخاب پہنچنے سے پہلے ترجیحات کی یہ فہرست بند ہو گئی، اس لیے یہ درج نہیں ہوا۔ حصہ لینے کا شکریہ: نتائج کا لنک نیچے ہے۔
priority-not-in-list = اختیارات میں سے ایک ترجیحات کی اس فہرست میں نہیں ہے۔ کچھ بھی درج نہیں ہوا۔ فہرست پر واپس جائیں اور دوبارہ چنیں۔

## اختیار شامل کرنا

priority-add-heading = کیا کچھ رہ گیا ہے؟
priority-add-lead = کوئی اختیار شامل کریں جس کا سب موازنہ کریں۔ فہرست میں پہلے سے موجود کسی اختیار والی بات کہنے والے اختیارات دوبارہ شامل نہیں کیے جاتے۔
priority-add-lead-moderated = کوئی اختیار شامل کریں جس کا سب موازنہ کریں۔ دوسروں کو دکھانے سے پہلے منتظم ہر اختیار کو جانچتا ہے۔ فہرست میں پہلے سے موجود کسی اختیار والی بات کہنے والے اختیارات دوبارہ شامل نہیں کیے جاتے۔
priority-option-label = آپ کا اختیار
priority-option-hint = زیادہ سے زیادہ { $max } حروف، کوئی ایک کام جو شراکت کر سکتی ہے۔
priority-option-submit = یہ اختیار شامل کریں
priority-option-error = آپ کا اختیار: { $message }
priority-option-too-fast = آپ اس فہرست کی اجازت سے زیادہ تیزی سے اختیارات شامل کر رہے ہیں۔ آپ کا متن نیچے محفوظ ہے: { $wait } انتظار کریں اور اسے دوبارہ بھیجیں۔
priority-option-duplicate = اس فہرست میں پہلے سے ایک اختیار یہی بات کہتا ہے۔ جب وہ سامنے آئے تو اس کا موازنہ کریں، یا کوئی مختلف تجویز دیں۔
priority-option-limit = آپ ایک شخص کی حد ({ $limit }) کے برابر اختیارات شامل کر چکے ہیں۔ شکریہ: اب براہِ کرم دوسروں کے اختیارات کا موازنہ کریں۔
priority-option-disabled = یہ فہرست شرکاء سے اختیارات نہیں لیتی۔
priority-option-closed = ترجیحات کی یہ فہرست بند ہو چکی ہے، اس لیے اب مزید اختیارات نہیں لیتی۔
priority-notice-option-added = شکریہ۔ آپ کا اختیار شامل کر دیا گیا ہے، اور دوسروں سے اس کے بارے میں پوچھا جائے گا۔
priority-notice-option-pending = شکریہ۔ منتظم کی منظوری کے بعد آپ کے اختیار کا موازنہ کیا جائے گا۔ اس کی کیفیت آپ نیچے اور “آپ کا ڈیٹا” میں دیکھ سکتے ہیں۔
priority-mine-heading = آپ کے شامل کیے ہوئے اختیارات
priority-status-rejected = قبول نہیں ہوا
priority-status-accepted = موازنہ کیا جا رہا ہے
priority-status-pending-shown = موازنہ کیا جا رہا ہے؛ منتظم اب بھی اس کا جائزہ لے سکتا ہے
priority-status-pending = منتظم کا انتظار ہے

## آپ کا ڈیٹا

priority-my-data-title = آپ کا ڈیٹا · { $list }
priority-my-data-lead = ترجیحات کی یہ فہرست آپ کے بارے میں جو کچھ رکھتی ہے، وہ سب یہ ہے۔ یہ صفحہ صرف وہی براؤزر دیکھ سکتا ہے جس کے پاس آپ کی بے ترتیب کلید ہو، وہی جو یہ آلہ ایک کوکی میں رکھتا ہے۔
priority-my-data-linked = آپ نے شراکت کے مکالمے میں اپنی شرکت کو اس سے جوڑا ہے، اس لیے نتائج وہاں آپ کی رائے کا گروپ پڑھ سکتے ہیں۔
priority-comparisons-heading = آپ کے موازنے
priority-comparisons-count = { $count ->
        [one] آپ نے { $count } جوڑے کا موازنہ کیا۔
       *[other] آپ نے { $count } جوڑوں کا موازنہ کیا۔
    }
priority-comparisons-caption = ہر وہ جوڑا جس کا آپ نے موازنہ کیا، پہلے والا پہلے
priority-column-pair = جوڑا
priority-column-answer = آپ کا جواب
priority-answer-first = پہلے “{ $option }”
priority-answer-undecided = فیصلہ نہیں کر سکتے
priority-answer-equal = فیصلہ نہیں کر سکتے: دونوں برابر اہم ہیں
priority-answer-unknown = فیصلہ نہیں کر سکتے: مجھے کافی معلومات نہیں
priority-no-options = آپ نے کوئی اختیار شامل نہیں کیا۔
priority-my-data-erase-lead = آپ کسی بھی وقت اپنے موازنے اور اختیارات اس فہرست سے ہٹوا سکتے ہیں، اس کے بند ہونے کے بعد بھی۔ پہلے آپ سے تصدیق مانگی جائے گی۔
priority-back-to-comparing = موازنے پر واپس جائیں

## اپنا ڈیٹا مٹانا

priority-erase-title = اپنا ڈیٹا مٹائیں · { $list }
priority-erase-comparisons = { $count ->
        [one] آپ کا { $count } موازنہ ہٹا دیا جاتا ہے، اور نتائج میں اسے گنا نہیں جاتا۔
       *[other] آپ کے { $count } موازنے ہٹا دیے جاتے ہیں، اور نتائج میں انہیں گنا نہیں جاتا۔
    }
priority-erase-options = { $count ->
        [one] آپ کا شامل کیا ہوا اختیار، اگر کسی اور نے اس کا موازنہ نہیں کیا، ہٹا دیا جاتا ہے۔ اگر دوسروں نے اس کا موازنہ کیا ہے تو وہ رہتا ہے، کیونکہ ان کے جواب اسی کے بارے میں ہیں، لیکن وہ آپ سے جڑا نہیں رہتا۔
       *[other] آپ کے شامل کیے ہوئے { $count } اختیارات میں سے جن کا کسی اور نے موازنہ نہیں کیا، وہ ہٹا دیے جاتے ہیں۔ جن کا دوسروں نے موازنہ کیا ہے وہ رہتے ہیں، کیونکہ ان کے جواب انہی کے بارے میں ہیں، لیکن وہ آپ سے جڑے نہیں رہتے۔
    }
priority-erase-join-again = اس کے بعد آپ نئے شریک کے طور پر فہرست میں دوبارہ شامل ہو سکتے ہیں۔
priority-erase-confirm = میں سمجھتا/سمجھتی ہوں کہ میرے موازنے اور اختیارات ہمیشہ کے لیے مٹا دیے جائیں گے

## مٹانے کے بعد

priority-erased-title = آپ کا ڈیٹا مٹا دیا گیا · { $list }
priority-erased-comparisons = { $count ->
        [one] { $count } موازنہ ہٹا دیا گیا؛ نتائج میں اب اسے گنا نہیں جاتا۔
       *[other] { $count } موازنے ہٹا دیے گئے؛ نتائج میں اب انہیں گنا نہیں جاتا۔
    }
priority-erased-options-removed = { $count ->
        [one] آپ کا { $count } اختیار ہٹا دیا گیا۔
       *[other] آپ کے { $count } اختیارات ہٹا دیے گئے۔
    }
priority-erased-options-unlinked = { $count ->
        [one] آپ کا { $count } اختیار ان لوگوں کے لیے رکھا گیا جنہوں نے اس کا موازنہ کیا، اب وہ آپ سے جڑا نہیں ہے۔
       *[other] آپ کے { $count } اختیارات ان لوگوں کے لیے رکھے گئے جنہوں نے ان کا موازنہ کیا، اب وہ آپ سے جڑے نہیں ہیں۔
    }
priority-erased-back-html = <a href="{ $href }">فہرست پر واپس جائیں</a>، جہاں آپ نئے شریک کے طور پر دوبارہ شامل ہو سکتے ہیں۔

## نتائج، جنہیں کوئی بھی پڑھ سکتا ہے

priority-results-title = نتائج · { $list }
priority-results-eyebrow = نتائج
priority-results-eyebrow-open = اب تک کے نتائج
priority-results-empty-heading = ابھی تک کوئی موازنہ نہیں
priority-results-empty = ابھی تک کسی نے اس فہرست کے دو اختیارات کا موازنہ نہیں کیا۔ جب لوگ موازنہ شروع کریں گے تو یہ صفحہ دکھائے گا کہ وہ شراکت سے کون سے اختیارات پہلے کروانا چاہیں گے، مجموعی طور پر اور لوگوں کے ہر گروپ کے لیے، اور یہ درجہ بندی کتنی یقینی ہے۔
priority-results-empty-waiting = { $count ->
        [one] ابھی تک کسی نے اس فہرست کے دو اختیارات کا موازنہ نہیں کیا؛ اس میں { $count } اختیار انتظار میں ہے۔ جب لوگ موازنہ شروع کریں گے تو یہ صفحہ دکھائے گا کہ وہ شراکت سے کون سے اختیارات پہلے کروانا چاہیں گے، مجموعی طور پر اور لوگوں کے ہر گروپ کے لیے، اور یہ درجہ بندی کتنی یقینی ہے۔
       *[other] ابھی تک کسی نے اس فہرست کے دو اختیارات کا موازنہ نہیں کیا؛ اس میں { $count } اختیارات انتظار میں ہیں۔ جب لوگ موازنہ شروع کریں گے تو یہ صفحہ دکھائے گا کہ وہ شراکت سے کون سے اختیارات پہلے کروانا چاہیں گے، مجموعی طور پر اور لوگوں کے ہر گروپ کے لیے، اور یہ درجہ بندی کتنی یقینی ہے۔
    }
priority-results-take-part = حصہ لیں
priority-results-go-on = موازنہ جاری رکھیں
priority-results-as-data = یہ نتائج بطور ڈیٹا (JSON)
priority-results-in-short = مختصراً
priority-results-made = { $participants ->
        [one] { $participants } شخص
       *[other] { $participants } لوگوں
    } نے { $options } اختیارات کے درمیان { $comparisons ->
        [one] { $comparisons } موازنہ کیا
       *[other] { $comparisons } موازنے کیے
    }۔
priority-results-decided = ان میں سے { $decided } میں ایک اختیار کو پہلے چنا گیا۔
priority-results-decided-undecided = ان میں سے { $decided } میں ایک اختیار کو پہلے چنا گیا؛ { $undecided } بار لوگ فیصلہ نہیں کر سکے۔
priority-results-first-html = سب سے پہلے: <strong>{ $option }</strong>
priority-results-first-equal-html = لوگوں کے ہر گروپ کو برابر گننے پر سب سے پہلے: <strong>{ $option }</strong>
priority-results-equal-weight-html = لوگوں کا ہر گروپ ایک ہی بار گنا جاتا ہے، چاہے اس کے کتنے ہی ارکان نے حصہ لیا ہو: <strong>برابر وزن کا اسکور</strong> ان اسکوروں کا اوسط ہے جو ہر گروپ کسی اختیار کو دیتا ہے ({ $groups })۔ ساتھ والا <strong>مجموعی اسکور</strong> ہر موازنے کو ایک جیسا گنتا ہے۔
priority-results-head-count-only = لوگوں کے کسی گروپ کا ابھی تک کوئی ایسا موازنہ نہیں جس میں کوئی اختیار جیتا ہو، اس لیے درجہ بندی ہر موازنے کو ایک جیسا گنتی ہے (مجموعی اسکور)۔
priority-results-score-explained = اسکور 100 میں سے یہ امکان ہے کہ کسی اختیار کو فہرست کے کسی دوسرے، بے ترتیب چنے گئے اختیار پر پہلے چنا جائے۔ کھینچی گئی لکیر دکھاتی ہے کہ مجموعی اسکور غالباً کہاں ہے (95% کا وقفہ): جتنے زیادہ موازنے، لکیر اتنی ہی چھوٹی۔
priority-results-ranking-heading = درجہ بندی
priority-results-caption-equal = ہر اختیار، برابر وزن کے اسکور کے لحاظ سے، دونوں اسکوروں کے ساتھ
priority-results-caption-head-count = ہر اختیار، مجموعی اسکور کے لحاظ سے، دونوں اسکوروں کے ساتھ
priority-results-column-rank = درجہ
priority-results-column-option = اختیار
priority-results-column-equal-weight = برابر وزن کا اسکور
priority-results-column-head-count = مجموعی اسکور
priority-results-column-head-count-range = مجموعی اسکور اور اس کی متوقع حد
priority-results-column-record = پہلے چنا گیا / نہیں / فیصلہ نہیں ہو سکا
priority-results-rank-likely = (درجہ { $rank }؛ غالباً { $low } سے { $high } تک)
priority-results-axis = ہر خاکے کا محور بائیں جانب 0 سے دائیں جانب 100 تک جاتا ہے؛ درمیان کا باریک نشان 50 ہے، یعنی برابر کا امکان۔
priority-results-groups-heading = ہر گروپ کس چیز کو پہلے رکھتا ہے
priority-results-groups-lead = ہر گروپ کے اپنے سرفہرست { $top }، صرف اس کے ارکان کے موازنوں سے۔
priority-results-group-counts = { $participants ->
        [one] { $participants } شخص
       *[other] { $participants } لوگ
    }، { $comparisons ->
        [one] { $comparisons } موازنہ
       *[other] { $comparisons } موازنے
    }۔
priority-results-group-counts-uncounted = { $participants ->
        [one] { $participants } شخص
       *[other] { $participants } لوگ
    }، { $comparisons ->
        [one] { $comparisons } موازنہ
       *[other] { $comparisons } موازنے
    }؛ ابھی برابر وزن کے اسکور میں شامل نہیں، کیونکہ اس کے کسی موازنے میں کوئی اختیار نہیں جیتا۔
priority-results-score = (اسکور { $score })
priority-results-group-none = اس گروپ کی طرف سے ابھی تک کوئی موازنہ نہیں۔
priority-results-divergence-heading = گروپوں میں سب سے زیادہ فرق کہاں ہے
priority-results-divergence-html = <strong>{ $first }</strong> اور <strong>{ $second }</strong> میں سب سے زیادہ فرق ہے: ان کے سرفہرست { $size } میں { $shared ->
        [one] { $shared } اختیار مشترک ہے
       *[other] { $shared } اختیارات مشترک ہیں
    }۔
priority-results-only = صرف { $group } کے سرفہرست { $size } میں
priority-results-other-rank = ({ $group } کے ہاں درجہ { $rank })
priority-results-shortlist-heading = ورکشاپ کے لیے مختصر فہرست
priority-results-shortlist-lead = James Lind Alliance کے طریقے پر ترجیحات طے کرنے والی شراکت کی طرح، مختصر فہرست میں ہر وہ اختیار شامل ہے جسے کم از کم ایک گروپ نے اپنے سرفہرست { $size } میں رکھا، تاکہ کسی گروپ کی ترجیحات آخری گفتگو سے باہر نہ رہ جائیں۔ پوائنٹس سب گروپوں سے جمع ہوتے ہیں: کسی گروپ کے پہلے نمبر کے لیے { $size }، اور اس کے { $size } ویں نمبر کے لیے 1۔
priority-results-shortlist-caption = مختصر فہرست، سب سے زیادہ پوائنٹس والے پہلے
priority-results-column-points = پوائنٹس
priority-results-column-in-top = جن کے سرفہرست { $size } میں ہے
priority-results-added-heading = شرکاء کے شامل کردہ اختیارات
priority-results-added-html = <strong>{ $option }</strong>: { $total } میں سے نمبر { $rank } (اسکور { $score })۔
priority-results-added-shortlisted-html = <strong>{ $option }</strong>: { $total } میں سے نمبر { $rank } (اسکور { $score })، مختصر فہرست میں۔

## سروس کن باتوں سے انکار کرتی ہے: ہر پیغام چھوٹے حرف سے، آخر میں وقفے کے بغیر؛ صفحہ اسے جملہ
## بناتا ہے۔

priority-refused-not-a-constituency = { $name } ترجیحات کی اس فہرست کا حلقہ نہیں ہے
priority-refused-dialogue-token = مکالمے کی کلید اس مکالمے کے کسی شریک کی نہیں جس سے یہ فہرست جڑی ہے
priority-refused-same-option = بائیں اور دائیں اختیارات کو الگ الگ اختیارات ہونا چاہیے
priority-refused-reason-not-neither = وجہ صرف `neither` (“فیصلہ نہیں کر سکتے”) کے انتخاب کے ساتھ دی جا سکتی ہے
priority-refused-option-limit = ایک شریک ترجیحات کی کسی فہرست میں زیادہ سے زیادہ { $allowed } اختیارات شامل کر سکتا ہے؛ اس کے بجائے دوسروں کے اختیارات کا موازنہ کریں
priority-refused-results-for-convenors = ترجیحات کی اس فہرست کے نتائج صرف اس کی شراکت کے منتظمین کے لیے ہیں
