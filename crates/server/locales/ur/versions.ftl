# شرکاء کے صفحات پر ترجمے اور آسان زبان۔

## کوئی بیان جو اس زبان کے علاوہ کسی اور صورت میں دکھایا جائے جس میں وہ لکھا گیا تھا

version-translation-mark = ترجمہ
version-easy-read-mark = آسان زبان والا متن
version-show-original = اصل متن دکھائیں ({ $language })
version-notice-waiting = شکریہ۔ آپ کا بیان محفوظ ہو گیا ہے۔ مکالمے کی زبان میں ترجمہ ہونے کے بعد دوسرے لوگ اسے دیکھ سکیں گے۔

## آسان زبان

easy-switch-nav = پڑھنے کا طریقہ
easy-switch-on = آسان زبان
easy-switch-off = عام صفحہ
easy-vote-question = کیا آپ متفق ہیں؟
easy-vote-help = جملہ پڑھیں۔ پھر ایک بٹن دبائیں۔
easy-vote-agree = ہاں، میں متفق ہوں
easy-vote-disagree = نہیں، میں متفق نہیں ہوں
easy-vote-pass = چھوڑ دیں۔ مجھے معلوم نہیں
easy-progress = جواب دیے: { $total } میں سے { $voted }
easy-done-heading = آپ نے سب کا جواب دے دیا ہے
easy-done-text = شکریہ۔ بعد میں دوبارہ آئیں۔ ہو سکتا ہے نئے جملے ہوں۔
easy-join-intro = آپ چھوٹے جملے پڑھتے ہیں۔ آپ بتاتے ہیں کہ آپ متفق ہیں یا نہیں۔
easy-join-start = شروع کریں
