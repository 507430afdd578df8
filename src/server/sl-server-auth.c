/* sl-server-auth.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "sl-server-auth.h"
#include "sl-server-log.h"
#include "sl-server-session.h"
#include "sl-server-throttle.h"

/* How long a checked password is remembered. */
#define CACHE_SECONDS 300
/* Threads checking passwords at once (each argon2id takes 64 MiB). */
#define CHECK_THREADS 2

struct _SlServerAuth
{
  GObject        parent_instance;

  SlServerStore *store;
  SlServerUsers *users;
  guint          session_timeout;
  GThreadPool   *pool;
  GMainContext  *context;
  GHashTable    *cache;      /* name → CacheEntry */
  SlServerThrottle *throttle;  /* "name:…" and "address:…" → failures */
  GHashTable    *pending;    /* the same keys → checks in the pool */
  guint          login_failures;
  char          *dummy_hash; /* checked for unknown names: same time */
  GMutex         dummy_lock;
};

G_DEFINE_FINAL_TYPE (SlServerAuth, sl_server_auth, G_TYPE_OBJECT)

typedef struct
{
  char   *hash;                                 /* the stored hash */
  guint8  digest[crypto_generichash_BYTES];     /* keyed digest of the password */
  gint64  expires;                              /* monotonic µs */
} CacheEntry;

/* One password check in the pool. */
typedef struct
{
  SlServerAuth     *self;
  SlServerRequest  *request;
  char             *name;
  SlServerRole      role;
  char             *hash;      /* NULL: unknown user */
  char             *password;
  char             *by_name;   /* throttle keys */
  char             *by_address;
  const char       *how;
  SlServerAuthDone  done;
  gpointer          user_data;
  gboolean          ok;
} Check;

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_free (entry->hash);
  g_free (entry);
}

static void
check_free (Check *check)
{
  g_object_unref (check->self);
  g_object_unref (check->request);
  g_free (check->name);
  g_free (check->hash);
  g_free (check->by_name);
  g_free (check->by_address);
  sodium_memzero (check->password, strlen (check->password));
  g_free (check->password);
  g_free (check);
}

static void
sl_server_auth_dispose (GObject *object)
{
  SlServerAuth *self = (SlServerAuth *)object;

  if (self->pool != NULL)
    {
      g_thread_pool_free (self->pool, FALSE, TRUE);
      self->pool = NULL;
    }
  g_clear_object (&self->users);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_server_auth_parent_class)->dispose (object);
}

static void
sl_server_auth_finalize (GObject *object)
{
  SlServerAuth *self = (SlServerAuth *)object;

  g_hash_table_unref (self->cache);
  sl_server_throttle_free (self->throttle);
  g_hash_table_unref (self->pending);
  g_main_context_unref (self->context);
  g_free (self->dummy_hash);
  g_mutex_clear (&self->dummy_lock);
  G_OBJECT_CLASS (sl_server_auth_parent_class)->finalize (object);
}

static void
sl_server_auth_class_init (SlServerAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_server_auth_dispose;
  object_class->finalize = sl_server_auth_finalize;
}

static void
sl_server_auth_init (SlServerAuth *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->dummy_lock);
}

static void
password_digest (SlServerAuth *self,
                 const char   *password,
                 guint8        digest[crypto_generichash_BYTES])
{
  gsize key_length;
  const guint8 *key = g_bytes_get_data (sl_server_store_get_secret (self->store), &key_length);

  crypto_generichash (digest, crypto_generichash_BYTES,
                      (const guchar *) password, strlen (password), key, key_length);
}

static gboolean
cache_knows (SlServerAuth *self,
             const char   *name,
             const char   *hash,
             const char   *password)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, name);
  guint8 digest[crypto_generichash_BYTES];

  if (entry == NULL || strcmp (entry->hash, hash) != 0 ||
      entry->expires < g_get_monotonic_time ())
    return FALSE;

  password_digest (self, password, digest);
  return sodium_memcmp (digest, entry->digest, sizeof digest) == 0;
}

static void
cache_remember (SlServerAuth *self,
                const char   *name,
                const char   *hash,
                const char   *password)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  /* A bounded cache: forget everyone rather than grow. */
  if (g_hash_table_size (self->cache) > 1000)
    g_hash_table_remove_all (self->cache);

  entry->hash = g_strdup (hash);
  entry->expires = g_get_monotonic_time () + CACHE_SECONDS * G_USEC_PER_SEC;
  password_digest (self, password, entry->digest);
  g_hash_table_replace (self->cache, g_strdup (name), entry);
}

static char *
name_key (const char *name)
{
  return g_strconcat ("name:", name, NULL);
}

static char *
address_key (SlServerRequest *request)
{
  const char *address =
    soup_server_message_get_remote_host (sl_server_request_get_message (request));

  return g_strconcat ("address:", address != NULL ? address : "-", NULL);
}

/* A wrong password for the check's name from its address. */
static void
count_failure (SlServerAuth *self,
               Check        *check)
{
  SoupServerMessage *msg = sl_server_request_get_message (check->request);
  guint window = sl_server_throttle_get_window (self->throttle);
  guint per_address = self->login_failures * SL_SERVER_THROTTLE_ADDRESS_FACTOR;
  gint64 now = g_get_monotonic_time ();

  if (sl_server_throttle_fail (self->throttle, check->by_name, self->login_failures, now))
    sl_server_log_lockout (msg, "name", check->name, self->login_failures, window);
  if (sl_server_throttle_fail (self->throttle, check->by_address, per_address, now))
    sl_server_log_lockout (msg, "address", check->by_address + strlen ("address:"),
                           per_address, window);
}

static void
count_success (SlServerAuth *self,
               const char   *name)
{
  g_autofree char *by_name = name_key (name);

  sl_server_throttle_forget (self->throttle, by_name);
}

static guint
get_pending (SlServerAuth *self,
             const char   *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, key));
}

static void
add_pending (SlServerAuth *self,
             const char   *key,
             int           delta)
{
  guint count = (guint) ((int) get_pending (self, key) + delta);

  if (count == 0)
    g_hash_table_remove (self->pending, key);
  else
    g_hash_table_replace (self->pending, g_strdup (key), GUINT_TO_POINTER (count));
}

/* Whether @key's failures and the checks of it still running reach
 * @limit: a burst of guesses sent at once is not all checked. */
static gboolean
would_reach (SlServerAuth *self,
             const char   *key,
             guint         limit,
             gint64        now)
{
  return sl_server_throttle_get_failures (self->throttle, key, now) +
         get_pending (self, key) >= limit;
}

/* Answers 429 when @name or the request's address is locked, or would
 * be if every check running failed (then: try again in a second). */
static gboolean
refuse_if_locked (SlServerAuth    *self,
                  SlServerRequest *request,
                  const char      *by_name,
                  const char      *by_address)
{
  g_autofree char *seconds = NULL;
  g_autofree char *reason = NULL;
  gint64 now = g_get_monotonic_time ();
  guint wait = MAX (sl_server_throttle_locked (self->throttle, by_name, now),
                    sl_server_throttle_locked (self->throttle, by_address, now));

  if (wait == 0 &&
      (would_reach (self, by_name, self->login_failures, now) ||
       would_reach (self, by_address, self->login_failures * SL_SERVER_THROTTLE_ADDRESS_FACTOR, now)))
    wait = 1;
  if (wait == 0)
    return FALSE;

  seconds = g_strdup_printf ("%u", wait);
  reason = g_strdup_printf ("Too many wrong passwords: try again in %u seconds.", wait);
  sl_server_request_add_header (request, "Retry-After", seconds);
  sl_server_request_fail (request, SL_SERVER_ERROR_TOO_MANY_REQUESTS, reason);
  return TRUE;
}

static gboolean
finish_check (gpointer data)
{
  Check *check = data;

  add_pending (check->self, check->by_name, -1);
  add_pending (check->self, check->by_address, -1);
  if (check->ok)
    {
      cache_remember (check->self, check->name, check->hash, check->password);
      count_success (check->self, check->name);
      sl_server_request_set_user (check->request, check->name, check->role, check->how);
    }
  else
    count_failure (check->self, check);

  check->done (check->request,
               check->ok ? SL_SERVER_AUTH_OK : SL_SERVER_AUTH_WRONG_PASSWORD,
               check->user_data);
  check_free (check);
  return G_SOURCE_REMOVE;
}

/* In the pool: argon2id, against a dummy hash for unknown names so the
 * answer takes as long. */
static void
check_in_thread (gpointer data,
                 gpointer user_data)
{
  Check *check = data;
  SlServerAuth *self = user_data;

  if (check->hash != NULL)
    check->ok = sl_server_users_verify_password (check->hash, check->password);
  else
    {
      g_mutex_lock (&self->dummy_lock);
      if (self->dummy_hash == NULL)
        self->dummy_hash = sl_server_users_hash_password ("no such user here", NULL);
      g_mutex_unlock (&self->dummy_lock);
      sl_server_users_verify_password (self->dummy_hash, check->password);
      check->ok = FALSE;
    }

  g_main_context_invoke (self->context, finish_check, check);
}

SlServerAuth *
sl_server_auth_new (SlServerStore *store,
                    SlServerUsers *users,
                    guint          session_timeout,
                    guint          login_failures,
                    guint          login_window)
{
  SlServerAuth *self = g_object_new (SL_TYPE_SERVER_AUTH, NULL);

  self->store = g_object_ref (store);
  self->users = g_object_ref (users);
  self->session_timeout = session_timeout > 0 ? session_timeout : SL_SERVER_AUTH_DEFAULT_TIMEOUT;
  self->pool = g_thread_pool_new (check_in_thread, self, CHECK_THREADS, FALSE, NULL);
  self->login_failures = login_failures > 0 ? login_failures : SL_SERVER_THROTTLE_DEFAULT_FAILURES;
  self->throttle = sl_server_throttle_new (login_window);
  return self;
}

static void
check_password_full (SlServerAuth     *self,
                     SlServerRequest  *request,
                     const char       *name,
                     const char       *password,
                     const char       *how,
                     SlServerAuthDone  done,
                     gpointer          user_data)
{
  g_autofree char *hash = NULL;
  g_autofree char *by_name = name_key (name);
  g_autofree char *by_address = address_key (request);
  SlServerRole role = SL_SERVER_ROLE_NONE;
  Check *check;

  sl_server_request_set_claimed_user (request, name);
  if (refuse_if_locked (self, request, by_name, by_address))
    return;

  sl_server_users_lookup (self->users, name, &role, &hash, NULL);
  if (hash != NULL && cache_knows (self, name, hash, password))
    {
      count_success (self, name);
      sl_server_request_set_user (request, name, role, how);
      done (request, SL_SERVER_AUTH_OK, user_data);
      return;
    }

  check = g_new0 (Check, 1);
  check->self = g_object_ref (self);
  check->request = g_object_ref (request);
  check->name = g_strdup (name);
  check->role = role;
  check->hash = g_steal_pointer (&hash);
  check->password = g_strdup (password);
  check->by_name = g_steal_pointer (&by_name);
  check->by_address = g_steal_pointer (&by_address);
  check->how = how;
  check->done = done;
  check->user_data = user_data;

  add_pending (self, check->by_name, 1);
  add_pending (self, check->by_address, 1);
  sl_server_request_pause (request);
  g_thread_pool_push (self->pool, check, NULL);
}

void
sl_server_auth_check_password (SlServerAuth     *self,
                               SlServerRequest  *request,
                               const char       *name,
                               const char       *password,
                               SlServerAuthDone  done,
                               gpointer          user_data)
{
  check_password_full (self, request, name, password, "cookie", done, user_data);
}

static char *
find_cookie (SlServerRequest *request)
{
  SoupMessageHeaders *headers =
    soup_server_message_get_request_headers (sl_server_request_get_message (request));
  const char *cookies = soup_message_headers_get_list (headers, "Cookie");
  GHashTable *params;
  char *value;

  if (cookies == NULL)
    return NULL;

  params = soup_header_parse_semi_param_list (cookies);
  value = g_strdup (g_hash_table_lookup (params, SL_SERVER_SESSION_COOKIE));
  soup_header_free_param_list (params);
  return value;
}

/* A valid, unexpired session cookie sets the user (and is renewed
 * past half its life); anything else is a bad session, and the name it
 * claims is kept for the log. */
static SlServerAuthResult
identify_by_cookie (SlServerAuth    *self,
                    SlServerRequest *request,
                    const char      *cookie)
{
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  SlServerRole role;
  gint64 expires;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!sl_server_session_parse (cookie, &name, &expires))
    return SL_SERVER_AUTH_BAD_SESSION;
  sl_server_request_set_claimed_user (request, name);
  if (expires <= now ||
      !sl_server_users_lookup (self->users, name, &role, &hash, NULL) ||
      !sl_server_session_verify (sl_server_store_get_secret (self->store), cookie, hash))
    return SL_SERVER_AUTH_BAD_SESSION;

  sl_server_request_set_user (request, name, role, "cookie");
  if (expires - now < self->session_timeout / 2)
    {
      g_autofree char *renewed = sl_server_auth_make_cookie (self, request);

      sl_server_request_add_header (request, "Set-Cookie", renewed);
    }
  return SL_SERVER_AUTH_OK;
}

void
sl_server_auth_identify (SlServerAuth     *self,
                         SlServerRequest  *request,
                         SlServerAuthDone  done,
                         gpointer          user_data)
{
  SoupMessageHeaders *headers =
    soup_server_message_get_request_headers (sl_server_request_get_message (request));
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *cookie = NULL;

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Basic ", 6) == 0)
    {
      gsize length = 0;
      g_autofree guchar *decoded = g_base64_decode (authorization + 6, &length);
      g_autofree char *text = g_strndup ((const char *) decoded, length);
      char *colon = strchr (text, ':');

      if (colon == NULL || strlen (text) != length || !g_utf8_validate (text, -1, NULL))
        {
          done (request, SL_SERVER_AUTH_WRONG_PASSWORD, user_data);
          return;
        }
      *colon = '\0';
      check_password_full (self, request, text, colon + 1, "default", done, user_data);
      sodium_memzero (colon + 1, strlen (colon + 1));
      return;
    }

  cookie = find_cookie (request);
  /* An empty value is how a cookie is cleared: no session. */
  done (request, cookie != NULL && cookie[0] != '\0' ? identify_by_cookie (self, request, cookie) : SL_SERVER_AUTH_OK,
        user_data);
}

char *
sl_server_auth_make_cookie (SlServerAuth    *self,
                            SlServerRequest *request)
{
  const char *name = sl_server_request_get_user (request);
  g_autofree char *hash = NULL;
  g_autofree char *value = NULL;
  SlServerRole role;
  gint64 expires = g_get_real_time () / G_USEC_PER_SEC + self->session_timeout;

  if (name == NULL || !sl_server_users_lookup (self->users, name, &role, &hash, NULL))
    return g_strdup (SL_SERVER_SESSION_COOKIE "=; Version=1; Path=/; HttpOnly; Max-Age=0");

  value = sl_server_session_make (sl_server_store_get_secret (self->store), name, hash, expires);
  return g_strdup_printf (SL_SERVER_SESSION_COOKIE "=%s; Version=1; Path=/; HttpOnly; "
                          "SameSite=Lax; Max-Age=%u", value, self->session_timeout);
}
