from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the demo superuser (admin / admin) if no superuser exists, and print the login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="admin")

    def handle(self, username, password, **options):
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            User.objects.create_superuser(username, f"{username}@example.com", password)
            self.stdout.write(f"管理员账号 / admin login: {username} / {password}")
        else:
            self.stdout.write("已有管理员账号 / a superuser exists already (login unchanged)")
