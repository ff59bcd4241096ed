"""法定主动公开内容: the statutory categories of proactive disclosure (Art. 20 of the Regulations),
what each unit has filed under them, their public pages and the compliance report."""
