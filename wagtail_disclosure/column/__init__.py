"""The 政府信息公开专栏: the fixed frame offices publish under (guide, rules, statutory content,
annual reports, requests, the year's work plan), the site navigation built from it, and the
breadcrumbs every public page shows."""
