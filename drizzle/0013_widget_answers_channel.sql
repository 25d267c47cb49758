-- Survey answers given in the website widget are feedback of channel 'widget' (like everything
-- else that came through the widget); 'survey' stays for the link page and email answers.
UPDATE "feedback_items" AS f SET "channel" = 'widget', "updated_at" = now()
FROM "survey_responses" AS r
WHERE r."id" = f."survey_response_id" AND r."workspace_id" = f."workspace_id"
  AND r."channel" = 'widget' AND f."channel" = 'survey';
