/**
 * Logging in: the interactive OAuth 1.0a and legacy logins and the kept logins of a key
 * ({@link org.flickrdynamic.auth.Login}), the OAuth steps for a program's own web flow
 * ({@link org.flickrdynamic.auth.OAuthFlow}), the access tokens they give and the file that keeps them
 * ({@link org.flickrdynamic.auth.TokenStore}).
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.auth;
