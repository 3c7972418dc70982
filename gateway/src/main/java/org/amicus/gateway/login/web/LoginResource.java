package org.amicus.gateway.login.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /login} starts the Keycloak sign-in; there is no login page of the gateway's own. */
@RestController
class LoginResource {

  @GetMapping("/login")
  ResponseEntity<Void> login() {
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create("/oauth2/authorization/keycloak"))
        .build();
  }
}
