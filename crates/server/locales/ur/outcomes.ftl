# کسی شراکت کا عوامی صفحہ "آپ نے کہا، ہم نے کیا": شراکت داروں کے منظور کردہ اہداف، عوام کی وہ باتیں
# جن پر یہ اہداف قائم ہیں، ہر شراکت دار کا مؤقف، اور اقدامات کی پیش رفت۔
# جن پیغامات کی کلید -html پر ختم ہوتی ہے ان میں مارک اپ ہو سکتا ہے؛ باقی سب سادہ متن ہیں۔

outcomes-title = آپ نے کہا، ہم نے کیا: { $partnership }
outcomes-eyebrow = آپ نے کہا، ہم نے کیا
outcomes-preview-html = پیش منظر: یہ صفحہ ابھی عوامی نہیں ہے۔ منتظم اسے <a href="{ $href }">شراکت کے صفحے</a> سے شائع کرتا ہے۔
outcomes-lead = عوام کی بات سننے کے بعد شراکت داروں نے کیا کرنے پر اتفاق کیا، ہر شراکت دار نے کیا کہا، اور { $date } تک کام میں کتنی پیش رفت ہوئی۔
outcomes-none = شراکت داروں نے ابھی کوئی ہدف منظور نہیں کیا۔
outcomes-adopted = { $date } کو منظور ہوا: { $summary }۔
outcomes-adopted-version = { $date } کو اس کا ورژن { $version } منظور ہوا: { $summary }۔
outcomes-summary-all = { $partners ->
        [one] اس کا واحد شراکت دار اس کی تائید کرتا ہے
       *[other] تمام { $partners } شراکت دار اس کی تائید کرتے ہیں
    }
outcomes-summary-some = { $partners } میں سے { $endorsing } شراکت دار اس کی تائید { $endorsing ->
        [one] کرتا ہے
       *[other] کرتے ہیں
    }
outcomes-summary-reservations = ، { $count } تحفظات کے ساتھ
outcomes-summary-objecting = ، { $count ->
        [one] 1 مخالفت کرتا ہے
       *[other] { $count } مخالفت کرتے ہیں
    }
outcomes-summary-silent = ، { $count ->
        [one] 1 نے جواب نہیں دیا
       *[other] { $count } نے جواب نہیں دیا
    }
outcomes-you-said = آپ نے کہا
outcomes-evidence-from-html = مکالمے <strong>{ $title }</strong> سے، { $date } کو ووٹوں کی صورتِ حال کے مطابق ({ $weighting }):
outcomes-agreed = { $rate } متفق
outcomes-no-votes = ابھی کوئی ووٹ نہیں
outcomes-counts = ({ $agree } متفق، { $disagree } غیر متفق، { $pass } نے چھوڑا)
outcomes-by-constituency = حلقے کے لحاظ سے
outcomes-constituency = { $name }: { $agreed } ({ $seen } میں سے { $agree })
outcomes-no-dialogue = یہ ہدف کسی مکالمے کا حوالہ نہیں دیتا۔
outcomes-partners = شراکت دار
outcomes-stance-endorse = تائید کرتا ہے
outcomes-stance-endorse-with-reservations = تحفظات کے ساتھ تائید کرتا ہے
outcomes-stance-object = مخالفت کرتا ہے
outcomes-stance-none = کوئی مؤقف نہیں
outcomes-stance-reason = وجہ: { $reason }
outcomes-stance-reservations = تحفظات: { $reason }
outcomes-sector-nhs = NHS
outcomes-sector-local-authority = مقامی حکومت
outcomes-sector-voluntary = رضاکارانہ شعبہ
outcomes-sector-community = کمیونٹی گروپ
outcomes-sector-business = کاروبار
outcomes-sector-academic = تعلیمی و تحقیقی ادارہ
outcomes-sector-public = سرکاری شعبہ
outcomes-we-did = ہم نے کیا
outcomes-status-planned = منصوبہ بند
outcomes-status-in-progress = جاری
outcomes-status-done = مکمل
outcomes-status-blocked = رکا ہوا
outcomes-status-dropped = ترک کر دیا گیا
outcomes-late = { $days } { $days ->
        [one] دن
       *[other] دن
    } کی تاخیر
outcomes-action-by = { $owner }؛ قیادت: { $role }۔
outcomes-action-by-due = { $owner }؛ قیادت: { $role }؛ آخری تاریخ: { $due }۔
outcomes-action-by-shared = { $owner }، { $shared } کے ساتھ؛ قیادت: { $role }۔
outcomes-action-by-shared-due = { $owner }، { $shared } کے ساتھ؛ قیادت: { $role }؛ آخری تاریخ: { $due }۔
outcomes-no-actions = ابھی کوئی اقدام نہیں۔
