-- Surveys made from a template before names were kept per language: when the name is still
-- the template's (in any language), take the template's name in each of the survey's languages.
UPDATE "surveys" s SET "names" = coalesce((
  SELECT jsonb_object_agg(l.lang, t.names ->> l.lang)
  FROM "survey_versions" v CROSS JOIN jsonb_array_elements_text(v.definition -> 'languages') AS l(lang)
  WHERE v.survey_id = s.id AND v.version = s.current_version AND t.names ? l.lang
), '{}'::jsonb)
FROM (VALUES
  ('overall_satisfaction', '{"en":"Overall satisfaction","fa":"رضایت کلی","ar":"الرضا العام","zh":"总体满意度"}'::jsonb),
  ('product_usage', '{"en":"Product usage","fa":"استفاده از محصول","ar":"استخدام المنتج","zh":"产品使用情况"}'::jsonb),
  ('customer_service', '{"en":"Customer service","fa":"خدمات مشتریان","ar":"خدمة العملاء","zh":"客户服务"}'::jsonb),
  ('purchase_experience', '{"en":"Purchase experience","fa":"تجربه خرید","ar":"تجربة الشراء","zh":"购买体验"}'::jsonb),
  ('product_performance', '{"en":"Product performance","fa":"عملکرد محصول","ar":"أداء المنتج","zh":"产品性能"}'::jsonb),
  ('improvement_ideas', '{"en":"Improvement ideas","fa":"ایده‌های بهبود","ar":"أفكار للتحسين","zh":"改进建议"}'::jsonb),
  ('competitor_comparison', '{"en":"Comparison with competitors","fa":"مقایسه با رقبا","ar":"المقارنة مع المنافسين","zh":"与竞争对手比较"}'::jsonb),
  ('brand_perception', '{"en":"Brand perception","fa":"تصویر برند","ar":"صورة العلامة التجارية","zh":"品牌认知"}'::jsonb),
  ('loyalty', '{"en":"Loyalty","fa":"وفاداری","ar":"الولاء","zh":"忠诚度"}'::jsonb),
  ('nps', '{"en":"Net Promoter Score (NPS)","fa":"شاخص خالص مروجان (NPS)","ar":"صافي نقاط الترويج (NPS)","zh":"净推荐值 (NPS)"}'::jsonb),
  ('csat_after_ticket', '{"en":"CSAT after a support ticket","fa":"رضایت پس از درخواست پشتیبانی","ar":"الرضا بعد طلب الدعم","zh":"工单后的满意度"}'::jsonb),
  ('ces', '{"en":"Customer Effort Score (CES)","fa":"شاخص تلاش مشتری (CES)","ar":"مؤشر جهد العميل (CES)","zh":"客户费力度 (CES)"}'::jsonb)
) AS t(key, names)
WHERE s.template_key = t.key AND s.names = '{}'::jsonb
  AND s.name IN (SELECT n.value FROM jsonb_each_text(t.names) AS n);
