# ہر صفحے کی مشترک چیزیں: اس کا خاکہ، زبان کا انتخاب اور خرابی کے صفحات۔
# جن پیغامات کی کلید -html پر ختم ہوتی ہے ان میں مارک اپ ہو سکتا ہے۔

-brand = Common Ground

layout-site-name = { -brand }
layout-skip-link = مواد پر جائیں
layout-convenor-nav = منتظم
layout-your-partnerships = آپ کی شراکتیں
layout-sign-out = سائن آؤٹ کریں
layout-footer = { -brand }: ہر انسان کی برابر قدر، ہر نقطۂ نظر کا برابر وزن۔
layout-language-switcher = زبان

error-where-next = اب کہاں جائیں
error-start-page = پہلے صفحے پر جائیں
error-title-not-found = نہیں ملا
error-title-not-allowed = اجازت نہیں
error-title-sign-in = سائن اِن ضروری ہے
error-title-server = کچھ غلط ہو گیا
error-title-other = یہ کام نہیں ہوا
error-title-page-not-found = صفحہ نہیں ملا
error-page-not-found = اس پتے پر کوئی صفحہ نہیں ہے۔ ہو سکتا ہے پتا غلط لکھا گیا ہو، یا صفحہ کہیں اور منتقل ہو گیا ہو۔
error-internal = ہماری طرف سے کچھ غلط ہو گیا۔ اگر دوبارہ ایسا ہو تو یہ حوالہ اس سائٹ کو چلانے والوں کو بتائیں: { $reference }۔
error-unavailable = سروس مصروف ہے یا دوبارہ شروع ہو رہی ہے۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔
error-form-expired = اس فارم کی میعاد ختم ہو گئی ہے یا یہ اس سائٹ سے نہیں آیا۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔
error-back-to-dialogue = مکالمے پر واپس جائیں
error-back-to-dashboard = مکالمے کے ڈیش بورڈ پر جائیں
error-back-to-partnership = شراکت کے صفحے پر جائیں
error-back-to-partnerships = اپنی شراکتوں پر جائیں
error-back-to-referer = پچھلے صفحے پر واپس جائیں
