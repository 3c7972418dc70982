package org.amicus.cases.figure;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface SourcedFigures
    extends JpaRepository<SourcedFigure, Long>, JpaSpecificationExecutor<SourcedFigure> {}
