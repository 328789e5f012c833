# وہ صفحہ جس پر مکالمے کے شرکاء شراکت کے نظام کے نقشے کے روابط پر رائے دیتے ہیں۔
# جن پیغامات کی کلید -html پر ختم ہوتی ہے ان میں مارک اپ ہو سکتا ہے؛ باقی سب سادہ متن ہیں۔

judging-title = { $map }: کیا آپ متفق ہیں؟
judging-lead = شراکت داروں نے یہ نقشہ بنایا ہے کہ مقامی نظام میں چیزیں ایک دوسرے پر کیسے اثر ڈالتی ہیں۔ ہر ربط یہ کہتا ہے کہ ایک چیز کے بڑھنے سے دوسری چیز بڑھتی ہے، یا گھٹتی ہے۔ کیا آپ ہر ربط سے متفق ہیں؟ آپ کا جواب آپ کے گروپوں کے جوابات کے ساتھ گنا جاتا ہے، اور ہر گروپ کا وزن برابر ہوتا ہے۔
judging-saved = محفوظ ہو گیا۔ آپ { $total } میں سے { $judged } روابط پر رائے دے چکے ہیں۔
judging-links-heading = روابط
judging-more = “{ $from }” بڑھنے سے “{ $to }” بڑھتا ہے۔
judging-less = “{ $from }” بڑھنے سے “{ $to }” گھٹتا ہے۔
judging-more-delayed = “{ $from }” بڑھنے سے “{ $to }” کچھ وقت بعد بڑھتا ہے۔
judging-less-delayed = “{ $from }” بڑھنے سے “{ $to }” کچھ وقت بعد گھٹتا ہے۔
judging-your-answer = (آپ کا جواب: { $answer })
judging-evidence = ثبوت: { $note }
judging-agree = متفق
judging-disagree = غیر متفق
judging-unsure = یقین نہیں
judging-save = محفوظ کریں
judging-save-which = { $from } اور { $to } پر اپنا جواب
judging-no-links = نقشے میں ابھی کوئی ربط نہیں۔
judging-whole-map = پورا نقشہ
judging-not-open = یہ نقشہ اس مکالمے کے شرکاء کے لیے کھلا نہیں ہے۔
judging-choose-link = نقشے کا کوئی ربط چنیں۔
judging-choose-answer = متفق، غیر متفق یا یقین نہیں میں سے ایک چنیں۔
