# شراکت کے نظام کے نقشے کا خاکہ، اس کی وضاحتی علامات، خلاصے اور اس جدول کے ساتھ جو یہی نقشہ متن کی صورت
# میں دیتا ہے۔ یہ نقشے کے صفحے پر شراکت داروں کو اور اس کے روابط پر رائے دینے والے شرکاء کو دکھایا جاتا ہے، اس لیے
# یہ ان تمام زبانوں میں موجود ہے جن میں شرکاء کے صفحات ہیں۔

drawing-canvas-label = نقشے کا خاکہ؛ چھوٹی اسکرین پر اسے اسکرول کیا جا سکتا ہے
drawing-as-table = یہی نقشہ جدول کی صورت میں
drawing-table-label = نقشہ جدول کی صورت میں؛ چھوٹی اسکرین پر اسے دائیں بائیں اسکرول کیا جا سکتا ہے
drawing-table-caption = ہر عامل، اس کا ذمہ دار شراکت دار، یہ کن پر اثر ڈالتا ہے اور کون سے عوامل اس پر اثر ڈالتے ہیں
drawing-factor = عامل
drawing-owned-by = ذمہ دار شراکت دار
drawing-influences = اثرات
drawing-influenced-by = کن سے متاثر
drawing-ripple = اثرات کا پھیلاؤ
drawing-highlighted = نمایاں
drawing-partner-number = (نقشے پر { $number })
drawing-delayed = تاخیر سے
drawing-contested = متنازع
drawing-none = کوئی نہیں
drawing-not-reached = یہاں تک نہیں پہنچا
drawing-partners-numbered = شراکت دار، نقشے پر دیے گئے نمبروں کے مطابق:
drawing-partner-factors = { $count } { $count ->
        [one] عامل
       *[other] عوامل
    }
drawing-more-to-more = ایک کے بڑھنے سے دوسرا بڑھتا ہے
drawing-more-to-less = ایک کے بڑھنے سے دوسرا گھٹتا ہے
drawing-highlight-reinforcing = نمایاں: تقویت دینے والا چکر { $path }۔
drawing-highlight-balancing = نمایاں: توازن پیدا کرنے والا چکر { $path }۔
drawing-highlight-ripple = نمایاں: { $factor } کو { $push } دھکیلنے کے اثرات کا پھیلاؤ، جو { $count } { $count ->
        [one] عامل
       *[other] عوامل
    } تک پہنچتا ہے۔
drawing-pushed-factor = دھکیلا گیا عامل
drawing-pushed = دھکیلا گیا
drawing-effect-mixed = ملا جلا (مختصر ترین راستے مختلف نتیجہ دیتے ہیں)
drawing-summary-factors = { $factors } { $factors ->
        [one] عامل
       *[other] عوامل
    } اور { $partners } ذمہ دار شراکت دار
drawing-summary-unowned = (ان میں سے { $unowned } کا کوئی ذمہ دار شراکت دار نہیں)
drawing-summary-influences = ؛ { $influences } { $influences ->
        [one] ربط
       *[other] روابط
    }: { $positive } میں ایک کے بڑھنے سے دوسرا بڑھتا ہے، { $negative } میں ایک کے بڑھنے سے دوسرا گھٹتا ہے؛ { $delayed } تاخیر سے، { $contested } متنازع۔
drawing-link-more = { $from } ← { $to }: “{ $from }” بڑھنے سے “{ $to }” بڑھتا ہے
drawing-link-less = { $from } ← { $to }: “{ $from }” بڑھنے سے “{ $to }” گھٹتا ہے
drawing-link-contested = ؛ متنازع
drawing-link-evidence = ۔ ثبوت: { $note }
drawing-factor-owned = { $name }۔ ذمہ دار شراکت دار: { $partner }
drawing-factor-unowned = { $name }۔ کوئی شراکت دار اس کا ذمہ دار نہیں
drawing-factor-links = ۔ جن عوامل پر یہ اثر ڈالتا ہے: { $out }؛ جو عوامل اس پر اثر ڈالتے ہیں: { $in }۔
drawing-factor-ripple = اثرات کا پھیلاؤ: { $words }۔
drawing-default-title = نظام کا نقشہ
drawing-desc-table = عوامل کا جدول یہی نقشہ متن کی صورت میں دیتا ہے۔
drawing-legend-partners = شراکت دار کے لحاظ سے عوامل
drawing-legend-number = عدد: کتنے روابط دور
drawing-no-partner = کوئی شراکت دار نہیں
drawing-after-delay = ، کچھ وقت بعد

# وہ انکار جو شریک کو نقشے کے روابط کی رائے دیتے ہوئے مل سکتا ہے۔
drawing-refused-link-not-on-map = یہ ربط اس نقشے پر موجود نہیں
