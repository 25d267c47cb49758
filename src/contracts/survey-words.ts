// The words around a survey's own texts that the link page, the emails and the website widget
// share, in the four languages. Plain data with no imports, so the widget bundles it as it is.
export const SURVEY_WORDS = {
  en: {
    next: 'Next', back: 'Back', submit: 'Submit', required: 'required',
    thanks: 'Thank you! Your answers have been saved.',
    yes: 'Yes', no: 'No',
    npsLow: 'Not at all likely', npsHigh: 'Extremely likely',
    csatLow: 'Very unsatisfied', csatHigh: 'Very satisfied',
    cesLow: 'Very difficult', cesHigh: 'Very easy',
    ratingLow: 'Poor', ratingHigh: 'Excellent',
  },
  fa: {
    next: 'بعدی', back: 'قبلی', submit: 'ارسال', required: 'الزامی',
    thanks: 'سپاسگزاریم! پاسخ‌های شما ثبت شد.',
    yes: 'بله', no: 'خیر',
    npsLow: 'اصلاً احتمال ندارد', npsHigh: 'حتماً',
    csatLow: 'خیلی ناراضی', csatHigh: 'خیلی راضی',
    cesLow: 'خیلی سخت', cesHigh: 'خیلی آسان',
    ratingLow: 'ضعیف', ratingHigh: 'عالی',
  },
  ar: {
    next: 'التالي', back: 'السابق', submit: 'إرسال', required: 'إلزامي',
    thanks: 'شكرًا لك! تم حفظ إجاباتك.',
    yes: 'نعم', no: 'لا',
    npsLow: 'غير محتمل إطلاقًا', npsHigh: 'محتمل جدًا',
    csatLow: 'غير راضٍ إطلاقًا', csatHigh: 'راضٍ جدًا',
    cesLow: 'صعب جدًا', cesHigh: 'سهل جدًا',
    ratingLow: 'ضعيف', ratingHigh: 'ممتاز',
  },
  zh: {
    next: '下一题', back: '上一题', submit: '提交', required: '必填',
    thanks: '谢谢！您的回答已保存。',
    yes: '是', no: '否',
    npsLow: '完全不可能', npsHigh: '非常可能',
    csatLow: '非常不满意', csatHigh: '非常满意',
    cesLow: '非常困难', cesHigh: '非常容易',
    ratingLow: '很差', ratingHigh: '很好',
  },
};
