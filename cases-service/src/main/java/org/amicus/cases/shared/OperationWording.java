package org.amicus.cases.shared;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Words each operation of a generic controller for its kind ({@link OperationSummaries}). */
@Configuration(proxyBeanMethods = false)
class OperationWording {

  @Bean
  OperationCustomizer operationSummaries(BeanFactory beans) {
    return (operation, handler) -> {
      // springdoc hands over the mapped handler methods, which name their bean
      Object bean =
          handler.getBean() instanceof String name ? beans.getBean(name) : handler.getBean();
      if (bean instanceof OperationSummaries own) {
        String method = handler.getMethod().getName();
        operation.setSummary(own.summary(method, operation.getSummary()));
        String id = own.operationId(method);
        if (id != null) {
          operation.setOperationId(id);
        }
      }
      return operation;
    };
  }
}
