package org.amicus.cases.person;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Persons extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {}
